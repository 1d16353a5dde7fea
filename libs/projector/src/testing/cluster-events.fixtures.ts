// The cluster fixtures live in #rollcall/testing, so the audit API's scenarios build the same events.
export { daemonSetEvent, nodeEvent, onTopic, podEvent, revisionEvent, waitUntil } from '#rollcall/testing';
