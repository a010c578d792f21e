// The OpenAPI 3.1 description of /api/v1 (a skeleton: operations, parameters and the shared envelope; the
// request bodies are described by the accounts schemas, which are the validation of record).
const envelope = {
  type: 'object',
  required: ['data'],
  properties: {
    data: {},
    abilities: { type: 'object', description: 'Action → allowed, for the record (or per id for lists).' },
    meta: {
      type: 'object',
      properties: { total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
    },
  },
}
const error = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: {
          type: 'string',
          enum: [
            'invalid_input',
            'unauthenticated',
            'forbidden',
            'not_found',
            'conflict',
            'locked',
            'unavailable',
            'csrf',
            'bad_request',
            'internal',
          ],
        },
        message: { type: 'string', description: 'Chinese, safe to show' },
        fields: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
}
const ok = {
  description: 'OK',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Envelope' } } },
}
const errors = {
  '401': {
    description: '未登录',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  '403': {
    description: '无权限或 CSRF 令牌无效',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  '422': {
    description: '输入有误',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
}
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } }
const json = { required: true, content: { 'application/json': { schema: { type: 'object' } } } }
const op = (summary: string, extra: Record<string, unknown> = {}) => ({
  summary,
  responses: { '200': ok, ...errors },
  ...extra,
})

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Gongkai API',
    version: '1',
    description:
      'JSON API of the Gongkai platform. Authenticate with POST /session (session cookie); send the token from GET /csrf-token in `x-csrf-token` on every POST/PATCH/PUT/DELETE.',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    schemas: { Envelope: envelope, Error: error },
    securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gk_session' } },
  },
  security: [{ session: [] }],
  paths: {
    '/csrf-token': { get: op('CSRF token for state-changing requests', { security: [] }) },
    '/session': {
      get: op('The signed-in user and its abilities on its own agency'),
      post: op('Log in (username, password)', { requestBody: json, security: [] }),
      delete: op('Log out'),
    },
    '/session/password': {
      put: op('Change own password (currentPassword, newPassword)', { requestBody: json }),
    },
    '/agencies': {
      get: op('Visible agencies as a tree'),
      post: op('Create an agency', { requestBody: json }),
    },
    '/agencies/{id}': {
      get: op('One agency', { parameters: [id] }),
      patch: op('Update or move an agency', { parameters: [id], requestBody: json }),
    },
    '/users': {
      get: op('Visible users, paged', {
        parameters: ['agencyId', 'search', 'page', 'pageSize'].map((name) => ({
          name,
          in: 'query',
          schema: { type: 'string' },
        })),
      }),
      post: op('Create a user; the generated first password is returned once', { requestBody: json }),
    },
    '/users/{id}': {
      get: op('One user', { parameters: [id] }),
      patch: op('Update a user', { parameters: [id], requestBody: json }),
    },
    '/users/{id}/reset-password': { post: op('Issue a new generated password', { parameters: [id] }) },
    '/agencies/{id}/columns': {
      get: op("An agency's column tree (栏目)", { parameters: [id] }),
      post: op('Create a column (机构管理员): name, slug, parentId, kind, position', {
        parameters: [id],
        requestBody: json,
      }),
    },
    '/columns/{id}': {
      patch: op('Edit a column: name, parentId, position (the slug never changes)', {
        parameters: [id],
        requestBody: json,
      }),
      delete: op('Delete an empty custom column (default top-level columns stay)', { parameters: [id] }),
    },
    '/items': {
      get: op('Catalogue items the user may see (any status), most recently changed first', {
        parameters: [
          {
            name: 'status',
            in: 'query',
            schema: {
              type: 'string',
              enum: ['draft', 'in_review', 'returned', 'scheduled', 'published', 'withdrawn'],
            },
          },
          ...['columnId', 'year', 'page', 'pageSize'].map((name) => ({
            name,
            in: 'query',
            schema: { type: 'integer' },
          })),
          {
            name: 'topicCode',
            in: 'query',
            schema: { type: 'string' },
            description: '主题分类 code (a first-level code includes its sub-categories)',
          },
          {
            name: 'q',
            in: 'query',
            schema: { type: 'string' },
            description: 'Words to find in 标题, 文号 or 索引号',
          },
        ],
      }),
      post: op(
        'Draft an item (信息发布员): columnId, title, topicCode, publisherName, writtenOn, docNumber, validity, effectiveOn, repealedOn, keywords[], summary, bodyHtml (sanitised), itemType, madeOn',
        { requestBody: json },
      ),
    },
    '/items/{id}': {
      get: op('One item with its attachments and the abilities of the user on it', { parameters: [id] }),
      patch: op('Edit a draft or returned item (the fields of POST /items, all optional)', {
        parameters: [id],
        requestBody: json,
      }),
    },
    '/items/{id}/submit': { post: op('提交保密审查 (needs madeOn)', { parameters: [id] }) },
    '/items/{id}/approve': {
      post: op('保密审查 approve: publish now, or at scheduledAt (ISO 8601 with offset)', {
        parameters: [id],
        requestBody: json,
      }),
    },
    '/items/{id}/return': {
      post: op('退回修改 with a reason (required)', { parameters: [id], requestBody: json }),
    },
    '/items/{id}/validity': {
      post: op(
        'Change 有效性 of a published item: validity (valid | expired | repealed), effectiveOn, repealedOn',
        {
          parameters: [id],
          requestBody: json,
        },
      ),
    },
    '/items/{id}/withdraw': {
      post: op('撤稿 with a reason (required)', { parameters: [id], requestBody: json }),
    },
    '/audit-log': {
      get: op('Audit log, read-only', {
        parameters: ['agencyId', 'actorId', 'action', 'from', 'to', 'page', 'pageSize'].map((name) => ({
          name,
          in: 'query',
          schema: { type: 'string' },
        })),
      }),
    },
  },
} as const
