import { Body, Controller, Inject, Param, UseInterceptors } from '@nestjs/common';
import { ApiTags, type SchemaObject } from '@nestjs/swagger';
import { CurrentActor, type Actor as TokenActor, requestingActor } from '#rollcall/auth';
import { ZodValidationPipe } from '#rollcall/http';
import { RolloutService, type RolloutCommandKind, type RolloutView } from '#rollcall/orchestrator';
import { z } from 'zod';
import { RolloutErrorsInterceptor } from '../errors/rollout-errors.interceptor.js';
import { approveBodySchema, commandBodySchema, type ApproveBody, type CommandBody } from './rollout-command.body.js';
import { RolloutCommand } from './rollout-command.decorator.js';

const COMMENT_BODY = z.toJSONSchema(commandBodySchema, { io: 'input' }) as SchemaObject;
const APPROVE_BODY = z.toJSONSchema(approveBodySchema, { io: 'input' }) as SchemaObject;
const commandBody = new ZodValidationPipe(commandBodySchema);

@ApiTags('rollouts')
@Controller('v1/rollouts')
@UseInterceptors(RolloutErrorsInterceptor)
export class RolloutCommandsController {
  constructor(@Inject(RolloutService) private readonly rollouts: RolloutService) {}

  @RolloutCommand(
    'approve',
    'approver',
    'Approve the waiting stage; never by the requester, one person counts once',
    APPROVE_BODY,
  )
  approve(
    @Param('id') id: string,
    @CurrentActor() actor: TokenActor,
    @Body(new ZodValidationPipe(approveBodySchema)) body: ApproveBody,
  ) {
    return this.run('approve', id, actor, body);
  }

  @RolloutCommand('reject', 'approver', 'Reject the waiting stage, which ends the rollout', COMMENT_BODY)
  reject(@Param('id') id: string, @CurrentActor() actor: TokenActor, @Body(commandBody) body: CommandBody) {
    return this.run('reject', id, actor, body);
  }

  @RolloutCommand('pause', 'operator', 'Pause: no further node is replaced until resumed', COMMENT_BODY)
  pause(@Param('id') id: string, @CurrentActor() actor: TokenActor, @Body(commandBody) body: CommandBody) {
    return this.run('pause', id, actor, body);
  }

  @RolloutCommand('resume', 'operator', 'Resume a paused rollout where it stood', COMMENT_BODY)
  resume(@Param('id') id: string, @CurrentActor() actor: TokenActor, @Body(commandBody) body: CommandBody) {
    return this.run('resume', id, actor, body);
  }

  @RolloutCommand('abort', 'operator', 'Abort: stop replacing nodes and leave updated nodes as they are', COMMENT_BODY)
  abort(@Param('id') id: string, @CurrentActor() actor: TokenActor, @Body(commandBody) body: CommandBody) {
    return this.run('abort', id, actor, body);
  }

  @RolloutCommand(
    'rollback',
    'operator',
    'Roll back: restore the previous template and replace updated pods',
    COMMENT_BODY,
  )
  rollback(@Param('id') id: string, @CurrentActor() actor: TokenActor, @Body(commandBody) body: CommandBody) {
    return this.run('rollback', id, actor, body);
  }

  private run(kind: RolloutCommandKind, id: string, actor: TokenActor, body: ApproveBody): Promise<RolloutView> {
    return this.rollouts.command(id, { kind, actor: requestingActor(actor), ...body });
  }
}
