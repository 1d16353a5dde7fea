import { Module } from '@nestjs/common';
import { WatcherModule } from '#rollcall/watcher';

/** The watcher role; the Kubernetes list/watch modules join it through `imports`, in its own process and in the all-in-one alike. */
@Module({ imports: [WatcherModule.forRollcall()] })
export class WatcherRoleModule {}
