import { Module } from '@nestjs/common';

/** The watcher role; the Kubernetes list/watch modules join it through `imports`, in its own process and in the all-in-one alike. */
@Module({})
export class WatcherRoleModule {}
