import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export const BEARER_SCHEME = 'bearer';

/** Builds the OpenAPI document from the routes the app mounted, with bearer tokens as the security scheme. */
export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Rollcall API')
    .setDescription('Audit history and staged rollouts of Kubernetes DaemonSets. Errors are RFC 9457 problem details.')
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A Rollcall API token (rc_...)' }, BEARER_SCHEME)
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the document at GET /openapi.json; call after the modules are created and before listen. */
export function serveOpenApiDocument(app: INestApplication, version = '1'): void {
  const document = buildOpenApiDocument(app, version);
  app.getHttpAdapter().get('/openapi.json', (_request: unknown, reply: { send(body: unknown): void }) => {
    reply.send(document);
  });
}
