export interface BrokerPorts {
  readonly broker: number;
  readonly controller: number;
}

/**
 * A single combined broker+controller (KRaft) tuned for tests: one replica everywhere, no delay before
 * the first group rebalance. Topic auto-creation is off, as the bus creates its topics with their
 * partition counts (ensureTopics): an auto-created one-partition topic would hide a missing call.
 */
export function serverProperties(ports: BrokerPorts, dataDir: string): string {
  const settings: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.bootstrap.servers': `127.0.0.1:${ports.controller}`,
    listeners: `PLAINTEXT://127.0.0.1:${ports.broker},CONTROLLER://127.0.0.1:${ports.controller}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${ports.broker}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': dataDir,
    'auto.create.topics.enable': 'false',
    'num.partitions': 1,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
  };
  return (
    Object.entries(settings)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n') + '\n'
  );
}

/** Broker logs go to one file (read back when the broker fails to start), never to the console. */
export function log4j2Properties(logFile: string): string {
  return [
    'status = warn',
    'appender.file.type = File',
    'appender.file.name = file',
    `appender.file.fileName = ${logFile}`,
    'appender.file.layout.type = PatternLayout',
    'appender.file.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = info',
    'rootLogger.appenderRef.file.ref = file',
    'logger.kafka-request.name = kafka.request.logger',
    'logger.kafka-request.level = warn',
    '',
  ].join('\n');
}
