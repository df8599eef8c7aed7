// The catalogue's JSON Schemas. They are the one place each field is documented: validation,
// canonical key order, the list of translatable fields and catalogue/README.md all come from here.
// `x-translatable` marks free text that locales translate; `x-example` feeds the generated docs.

export type JsonSchema = {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: readonly (string | number)[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  'x-translatable'?: boolean;
  /** A Handlebars snippet (messages.yaml): checked as a template, not as plain text. */
  'x-snippet'?: boolean;
  'x-example'?: string;
};

export const RETRY_POLICIES = ['not-needed', 'continue', 'later', 'after-change', 'never'] as const;
export const ACTORS = ['nobody', 'client', 'sender', 'sender-admin', 'receiver-admin', 'recipient'] as const;
export const STATUSES = ['registered', 'unused', 'obsoleted', 'temporary', 'deprecated', 'unregistered'] as const;
export const SCOPES = ['command', 'recipient', 'transaction', 'session', 'host'] as const;
export const CONNECTIONS = ['open', 'closed'] as const;
export const GENERATORS = ['origin', 'proxy', 'cdn', 'load-balancer', 'client'] as const;
export const REDIRECTS = ['permanent-keeps-method', 'permanent-may-change-method', 'temporary-keeps-method', 'temporary-may-change-method', 'see-other'] as const;
export const CHANNELS = ['control', 'data'] as const;
/** How a declared fact is compared: one value, the first of a list, a set of items, or session phases. */
export const FACT_KINDS = ['value', 'lead', 'set', 'phases'] as const;

/**
 * Fields only some protocols' codes carry. A protocol lists the ones its codes must have in
 * `fields` (protocol.yaml); the rest must be absent from its codes.
 */
export const PROTOCOL_FIELDS = [
  'category', 'retryWhen', 'scope', 'connection', 'phases', 'actors', 'enhancedCodes',
  'generatedBy', 'cacheable', 'redirect', 'headers', 'retrySafe', 'vendorMeanings', 'documentation', 'channel',
] as const;

/** `RFC 5321 §4.2.3`, or `RFC 1985` when there is no section to cite. */
export const REFERENCE_PATTERN = '^RFC [1-9][0-9]*( §[0-9A-Z]+(\\.[0-9]+)*)?$';
export const ENHANCED_CODE_PATTERN = '^[245]\\.[0-9]{1,3}\\.[0-9]{1,3}$';

const text = (description: string, example?: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  description,
  'x-translatable': true,
  ...(example ? { 'x-example': example } : {}),
});

export const referenceSchema: JsonSchema = {
  type: 'string',
  minLength: 1,
  description: 'An RFC and, where there is one, its section, written `RFC 5321 §4.2.3`.',
  'x-example': 'RFC 5321 §4.2.3',
};

const seenAsSchema: JsonSchema = {
  type: 'array',
  description:
    'Texts that widely used servers send with this code in practice, each with the software that sends it, so that a pasted reply or a search for its words finds the code. Verbatim, without the code, addresses or host names; never translated.',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['text', 'server'],
    properties: {
      text: { type: 'string', minLength: 3, maxLength: 160, description: 'The text as the server sends it.', 'x-example': 'Relay access denied' },
      server: { type: 'string', minLength: 2, maxLength: 40, description: 'The software or service that sends it.', 'x-example': 'Postfix' },
    },
  },
};

function howToFixSchema(operator: string): JsonSchema {
  return {
    type: 'object',
    description: 'What to do about it, split by audience.',
    additionalProperties: false,
    required: ['sender', 'operator'],
    properties: {
      sender: text('For the sending side: the user, the client software or the sending system\'s administrator.'),
      operator: text(operator),
    },
  };
}

/** A list of numbered definitions (classes, categories, subjects), each named, explained and referenced. */
function digitList(description: string, digit: { minimum: number; maximum: number; description: string }, name: string, meaning: string): JsonSchema {
  return {
    type: 'array',
    minItems: 1,
    description,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['digit', 'name', 'meaning', 'reference'],
      properties: { digit: { type: 'integer', ...digit }, name: text(name), meaning: text(meaning), reference: referenceSchema },
    },
  };
}

export const codeEntrySchema = {
  type: 'object',
  description: 'One reply code: `catalogue/protocols/<protocol>/codes/<code>.yaml`.',
  additionalProperties: false,
  required: [
    'code', 'replyText', 'title', 'summary', 'description', 'whenYouSeeIt', 'howToFix',
    'whenToSend', 'onReceive', 'class', 'retry', 'related', 'references', 'origin', 'status',
  ],
  properties: {
    code: {
      type: 'integer',
      minimum: 100,
      maximum: 699,
      description: 'The code as sent on the wire. It is the id and equals the file name; it never changes.',
      'x-example': '554',
    },
    replyText: {
      type: 'string',
      minLength: 1,
      description:
        'The reply text given by the RFC, verbatim (placeholders such as `<domain>` included). Never translated.',
      'x-example': 'Transaction failed',
    },
    alternateReplyTexts: {
      type: 'array',
      description: 'Other standard wire texts for the same code, each with the RFC that defines it. Never translated.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'reference'],
        properties: {
          text: { type: 'string', minLength: 1, description: 'The wire text, verbatim.' },
          reference: referenceSchema,
        },
      },
    },
    seenAs: seenAsSchema,
    formerNames: {
      type: 'array',
      description: 'Titles this code was known by before a rename, so old links and searches still find it.',
      items: { type: 'string', minLength: 1 },
    },
    title: text('Our short name for the code, in sentence case.', 'Transaction failed'),
    summary: text('Exactly one sentence that says what the code means. Written, never cut from the description.'),
    description: text('What the code means and what happened on the server, in two to four sentences.'),
    whenYouSeeIt: text(
      'The situations and commands where the code shows up in practice. Full sentences that read well under the heading "When you see this code".',
    ),
    howToFix: howToFixSchema('For the operator of the server that sends this code.'),
    whenToSend: text(
      'For a server operator choosing a code: when this code is the right one to send, as opposed to its neighbours.',
    ),
    onReceive: text(
      'For whoever receives this reply: one or two sentences on what client software does with it by itself, and what a person should do. Written for this code, never chosen by class.',
      'Your server keeps the message queued and tries again; step in only if the retries go on failing for a day.',
    ),
    class: {
      type: 'integer',
      minimum: 1,
      maximum: 6,
      description: 'The first digit: the class listed in `protocol.yaml` (SMTP 2 to 5, HTTP 1 to 5, FTP 1 to 6).',
      'x-example': '5',
    },
    category: {
      type: 'integer',
      minimum: 0,
      maximum: 9,
      description: 'The second digit: the category listed in `protocol.yaml` (SMTP, FTP).',
      'x-example': '5',
    },
    retry: {
      type: 'string',
      enum: RETRY_POLICIES,
      description:
        'What the client should do next: `not-needed` (success), `continue` (send the next part of the exchange), `later` (retry the same request later), `after-change` (do not retry unchanged), `never` (no change on the sending side can help).',
    },
    retryWhen: {
      type: 'array',
      description:
        'Where the right reaction differs from `retry` in a known case, that case: RFC 5321 §4.5.3.1.10, for one, tells clients to treat a 552 for too many recipients as temporary. Texts show `retry` and then each exception.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['retry', 'phase', 'condition', 'reference'],
        properties: {
          retry: { type: 'string', enum: RETRY_POLICIES, description: 'What the client should do in this case instead.' },
          phase: { type: 'string', minLength: 1, description: 'The phase (an id from `protocol.yaml`) in which the exception applies.' },
          condition: text(
            'The case, as a clause that completes "when …".',
            'the server has reached its limit of recipients for one transaction',
          ),
          reference: referenceSchema,
        },
      },
    },
    scope: {
      type: 'string',
      enum: SCOPES,
      description:
        'What the reply refuses or affects: `command` (only the command it answers), `recipient` (one recipient), `transaction` (the whole message), `session` (the connection and everything in it), `host` (the server, for every client).',
    },
    connection: {
      type: 'string',
      enum: CONNECTIONS,
      description: 'Whether the server keeps the session open after this reply (`open`) or closes the connection (`closed`) (SMTP).',
    },
    channel: {
      type: 'string',
      enum: CHANNELS,
      description: 'Which of FTP\'s two connections the reply is about: `control` or `data` (FTP).',
    },
    generatedBy: {
      type: 'array',
      uniqueItems: true,
      minItems: 1,
      description: `Who generates the code, most usual first: ${GENERATORS.map((g) => `\`${g}\``).join(', ')} (HTTP).`,
      items: { type: 'string', enum: GENERATORS },
    },
    cacheable: {
      type: 'boolean',
      description: 'Whether caches may store the response without explicit freshness headers, RFC 9110 §15.1 (HTTP).',
    },
    redirect: {
      type: 'string',
      enum: REDIRECTS,
      description:
        'For redirects only: permanent or temporary, and whether the method and body are kept (`see-other`: always GET) (HTTP).',
    },
    headers: {
      type: 'array',
      uniqueItems: true,
      description: 'Header fields the code requires or expects, such as `Location` or `Retry-After` (HTTP).',
      items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9-]*$' },
    },
    retrySafe: {
      type: 'boolean',
      description: 'Whether repeating the same request unchanged is reasonable (HTTP).',
    },
    vendorMeanings: {
      type: 'array',
      description: 'Where a code means different things to different vendors: each vendor\'s name and meaning (HTTP).',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['origin', 'name', 'meaning'],
        properties: {
          origin: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', description: 'The vendor, in lower case.' },
          name: { type: 'string', minLength: 1, description: 'The vendor\'s reason phrase, verbatim.' },
          meaning: text('What the code means for that vendor, in one sentence.'),
        },
      },
    },
    documentation: {
      type: 'string',
      pattern: '^https://',
      description: 'The vendor\'s own documentation of the code, for codes no RFC defines.',
    },
    phases: {
      type: 'array',
      uniqueItems: true,
      minItems: 1,
      description: 'The session phases (ids from `protocol.yaml`) in which the code can occur, in session order (SMTP, FTP).',
      items: { type: 'string', minLength: 1 },
      'x-example': '[mail, rcpt, end-of-data]',
    },
    actors: {
      type: 'array',
      uniqueItems: true,
      minItems: 1,
      description: `Who usually has to act, most important first: ${ACTORS.map((a) => `\`${a}\``).join(', ')} (SMTP).`,
      items: { type: 'string', enum: ACTORS },
    },
    related: {
      type: 'array',
      uniqueItems: true,
      description: 'Codes of the same protocol that people confuse with this one, or that come before or after it.',
      items: { type: 'integer' },
    },
    enhancedCodes: {
      type: 'array',
      uniqueItems: true,
      description:
        'SMTP enhanced status codes (RFC 3463) usually sent with this reply, written `5.7.1`; the first digit matches the class.',
      items: { type: 'string', pattern: ENHANCED_CODE_PATTERN },
    },
    references: {
      type: 'array',
      uniqueItems: true,
      description: 'Where the code is defined, first, then any other section relied on. Empty only for vendor codes no RFC defines; they give `documentation`.',
      items: referenceSchema,
    },
    origin: {
      type: 'string',
      pattern: '^[a-z][a-z0-9-]*$',
      description: 'Who defines the code: `rfc`, `iana`, or a vendor in lower case such as `nginx`.',
      'x-example': 'rfc',
    },
    status: {
      type: 'string',
      enum: STATUSES,
      description: 'Registration status: `registered`, `unused`, `obsoleted`, `temporary` or `deprecated`.',
    },
  },
} as const satisfies JsonSchema;

export const protocolSchema = {
  type: 'object',
  description: 'A protocol: `catalogue/protocols/<protocol>/protocol.yaml`.',
  additionalProperties: false,
  required: ['id', 'name', 'title', 'summary', 'references', 'classes', 'outcomes', 'facts', 'fields'],
  properties: {
    id: {
      type: 'string',
      pattern: '^[a-z][a-z0-9]*$',
      description: 'The protocol id, equal to its folder name.',
      'x-example': 'smtp',
    },
    name: { type: 'string', minLength: 1, description: 'The protocol\'s usual short name.', 'x-example': 'SMTP' },
    title: text('The protocol\'s full name.', 'Simple Mail Transfer Protocol'),
    summary: text('One sentence on what the protocol is for.'),
    references: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      description: 'The RFCs that define its reply codes.',
      items: referenceSchema,
    },
    classes: digitList('The classes, one per first digit.', { minimum: 1, maximum: 6, description: 'The first digit.' }, 'The class name, e.g. "Transient negative completion".', 'What a reply of this class tells the client.'),
    categories: digitList('The categories, one per second digit (SMTP, FTP).', { minimum: 0, maximum: 9, description: 'The second digit.' }, 'The category name, e.g. "Mail system".', 'What replies of this category are about.'),
    subjects: digitList(
      'SMTP: the subjects of enhanced status codes, one per middle number (X.<subject>.<detail>, RFC 3463 §2).',
      { minimum: 0, maximum: 999, description: 'The subject number.' },
      'The subject name, e.g. "Addressing status".',
      'What enhanced codes of this subject report.',
    ),
    outcomes: {
      type: 'array',
      minItems: 1,
      description:
        'What a reply means for the client, for each class and retry policy its codes use: the phrases a comparison is built from. A code whose class and retry match no outcome is an error.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['class', 'retry', 'outcome', 'both', 'choice'],
        properties: {
          class: { type: 'integer', minimum: 1, maximum: 6, description: 'The class digit.' },
          retry: { type: 'string', enum: RETRY_POLICIES, description: 'The retry policy.' },
          outcome: text('Follows a code and its title: "554 “Transaction failed” …".', 'is a permanent refusal (5xx) that fails again if repeated unchanged'),
          both: text('The same, said of two codes at once: "Both 550 and 554 …".', 'are permanent refusals (5xx) that fail again if repeated unchanged'),
          choice: text('Completes "Send 554 when …" for a server operator.', 'the request will keep failing until the sender changes something'),
        },
      },
    },
    facts: {
      type: 'array',
      description:
        'The facts a comparison contrasts after the outcome, most telling first. Each names the code field it reads and says, for each value, how a reader is told it.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'kind', 'label'],
        properties: {
          field: { type: 'string', enum: PROTOCOL_FIELDS, description: 'The code field this fact reads.' },
          kind: {
            type: 'string',
            enum: FACT_KINDS,
            description:
              '`value`: one value; `lead`: the first item of a list counts; `set`: items only one code has are named; `phases`: like `set`, with the phases\' `when` phrases.',
          },
          label: text('The row label in "at a glance".', 'Scope'),
          default: { type: 'string', description: 'The value of a code that lacks the field.' },
          contrast: {
            type: 'boolean',
            description: 'false for a fact shown at a glance but never named in the key difference. Default true.',
          },
          picture: {
            type: 'boolean',
            description:
              'true to draw the fact on code and comparison pages: one box per value, in the order of `values` (HTTP: the request path; FTP: the two connections), with the codes\' values highlighted.',
          },
          values: {
            type: 'array',
            description: 'The phrases for each value (`value`, `lead`) or item (`set`).',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'label'],
              properties: {
                id: { type: 'string', minLength: 1, description: 'The value as written in code entries (`true`/`false` for yes-or-no fields).' },
                label: text('How "at a glance" shows it.', 'one recipient'),
                clause: text('Follows the code in the key difference: "550 …".', 'refuses one recipient and lets the rest of the transaction go on'),
                appliedClause: text('The clause for a code that is not a refusal (classes 1 to 3), when it must differ.'),
                choice: text('Completes "Send 550 when …".', 'you refuse one recipient and keep the transaction going'),
                appliedChoice: text('The choice for a code that is not a refusal, when it must differ.'),
              },
            },
          },
        },
      },
    },
    fields: {
      type: 'array',
      uniqueItems: true,
      description: `The protocol-specific fields every code of this protocol carries; the others of ${PROTOCOL_FIELDS.map((f) => `\`${f}\``).join(', ')} must be absent, except \`retryWhen\`, \`formerNames\`, \`vendorMeanings\`, \`redirect\` and \`documentation\`, which a code may have.`,
      items: { type: 'string', enum: PROTOCOL_FIELDS },
    },
    phases: {
      type: 'array',
      minItems: 1,
      description: 'The phases of a session, in the order they happen (protocols with sessions: SMTP, FTP).',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'when', 'flow', 'commands'],
        properties: {
          id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', description: 'The phase id that code entries use.' },
          name: text('The phase name shown to readers, as a label.'),
          when: text(
            'The phase as a sentence says where a reply comes: a phrase that follows "554 comes …".',
            'after the final dot of the message',
          ),
          flow: {
            type: 'string',
            enum: ['main', 'aside'],
            description: '`main` for the steps of an ordinary session, `aside` for commands outside that line.',
          },
          commands: {
            type: 'array',
            uniqueItems: true,
            description: 'The commands sent in this phase; empty when the server speaks first.',
            items: { type: 'string', pattern: '^[A-Z]+$' },
          },
        },
      },
    },
  },
} as const satisfies JsonSchema;

export const pairNoteSchema = {
  type: 'object',
  description:
    'A hand-written note for two codes people confuse: `catalogue/protocols/<protocol>/pairs/<a>-<b>.yaml`, with a < b.',
  additionalProperties: false,
  required: ['codes', 'note', 'whenToSendWhich', 'references'],
  properties: {
    codes: {
      type: 'array',
      minItems: 2,
      maxItems: 2,
      uniqueItems: true,
      description: 'The two codes, smaller first; the file name is `<a>-<b>.yaml`.',
      items: { type: 'integer' },
      'x-example': '[450, 550]',
    },
    note: text(
      'Two to four sentences on what really tells the two apart: what happened, when, whether to retry and who acts. Comparisons print it right after the key difference.',
    ),
    whenToSendWhich: text(
      'For a server operator: one or two sentences that contrast the two codes, such as "Send 550 when one recipient is refused; send 554 when the whole transaction is." Names no third code and repeats no sentence of the note.',
    ),
    references: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      description: 'The RFC sections the note relies on.',
      items: referenceSchema,
    },
  },
} as const satisfies JsonSchema;

/** The reasons a bounce is filed under; the same list as core's REPLY_REASONS (a test keeps them equal). */
export const REPLY_REASONS = [
  'userunknown', 'mailboxfull', 'filtered', 'expired', 'hostunknown', 'blocked', 'rejected',
  'authfailure', 'spamdetected', 'virusdetected', 'networkerror', 'notaccept', 'suspend',
  'policyviolation', 'systemerror', 'systemfull', 'requireptr', 'securityerror', 'badreputation',
  'norelaying', 'toomanyconn', 'speeding', 'hasmoved', 'mailererror', 'mesgtoobig', 'exceedlimit',
  'notcompliantrfc', 'contenterror', 'syntaxerror', 'onhold', 'delivered', 'undefined',
] as const;

export const ENHANCED_ID_PATTERN = '^X\\.[0-9]{1,3}\\.[0-9]{1,3}$';
/** An RFC, as for reply codes, or an Internet-Draft by name (X.7.28 is defined by one). */
export const SPEC_REFERENCE_PATTERN = '^(RFC [1-9][0-9]*( §[0-9A-Z]+(\\.[0-9]+)*)?|draft-[a-z0-9-]+)$';

export const enhancedEntrySchema = {
  type: 'object',
  description: 'One SMTP enhanced status code of the IANA registry: `catalogue/protocols/smtp/enhanced/X.<subject>.<detail>.yaml`.',
  additionalProperties: false,
  required: ['code', 'sampleText', 'title', 'summary', 'description', 'inClass', 'whenYouSeeIt', 'howToFix', 'basicCodes', 'references', 'status'],
  properties: {
    code: { type: 'string', pattern: ENHANCED_ID_PATTERN, description: 'The code without its class, as the registry writes it. It is the id and equals the file name.', 'x-example': 'X.1.1' },
    sampleText: { type: 'string', description: 'The registry\'s sample text, verbatim; empty only where the registry gives none. Never translated.', 'x-example': 'Bad destination mailbox address' },
    seenAs: seenAsSchema,
    title: text('Our short name for the code, in sentence case.', 'Bad destination mailbox address'),
    summary: text('Exactly one sentence that says what the code means.'),
    description: text('What the code reports and how it differs from its neighbours, in two to four sentences.'),
    inClass: {
      type: 'array',
      minItems: 1,
      description: 'The classes the code is used in (2, 4, 5), ascending, each with what the code means there.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['class', 'meaning'],
        properties: {
          class: { type: 'integer', enum: [2, 4, 5], description: 'The class digit.' },
          meaning: text('What the code means in this class: what makes it temporary, permanent or a success.'),
        },
      },
    },
    whenYouSeeIt: text('Where people meet the code: after which command, with which basic code, in which bounce or log.'),
    howToFix: howToFixSchema('For the operator of the receiving server.'),
    basicCodes: {
      type: 'array',
      uniqueItems: true,
      description: 'The basic reply codes the registry associates with the code, ascending; empty where it names none.',
      items: { type: 'integer', minimum: 200, maximum: 599 },
      'x-example': '[451, 550]',
    },
    reason: { type: 'string', enum: REPLY_REASONS, description: 'The bounce reason the code says by itself; absent when the code is too broad (X.7.1).' },
    related: {
      type: 'array',
      uniqueItems: true,
      description: 'Enhanced codes people confuse with this one.',
      items: { type: 'string', pattern: ENHANCED_ID_PATTERN },
    },
    references: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      description: 'The RFC sections (or the draft) that define the code.',
      items: { type: 'string', pattern: SPEC_REFERENCE_PATTERN, description: 'An RFC with its section, or an Internet-Draft name.' },
    },
    status: { type: 'string', enum: ['registered', 'deprecated'], description: '`deprecated` where the registry says so (X.6.10).' },
  },
} as const satisfies JsonSchema;

export const PROVIDER_ID_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';

export const providerSchema = {
  type: 'object',
  description: 'What one big receiver really sends: `catalogue/protocols/smtp/providers/<provider>.yaml`.',
  additionalProperties: false,
  required: ['id', 'name', 'rules'],
  properties: {
    id: { type: 'string', pattern: PROVIDER_ID_PATTERN, description: 'The provider id, equal to the file name.', 'x-example': 'gmail' },
    name: { type: 'string', minLength: 1, description: 'The provider as people know it. Never translated.', 'x-example': 'Gmail and Google Workspace' },
    documentation: { type: 'string', pattern: '^https://[^\\s]+$', description: 'The provider\'s own page on the errors it sends.' },
    rules: {
      type: 'array',
      minItems: 1,
      description: 'The replies, most specific first: the first rule whose tokens all appear wins.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'match', 'reason', 'title', 'meaning', 'fix'],
        properties: {
          id: { type: 'string', pattern: PROVIDER_ID_PATTERN, description: 'Unique across providers, starting with the provider id and a hyphen.', 'x-example': 'gmail-unauthenticated' },
          match: {
            type: 'array',
            minItems: 1,
            maxItems: 4,
            uniqueItems: true,
            description: 'Literal, lower-case substrings that must all appear in the reply (case is ignored). Not regular expressions, so matching stays linear.',
            items: { type: 'string', minLength: 4, maxLength: 120 },
            'x-example': '[this message is not authenticated]',
          },
          reason: { type: 'string', enum: REPLY_REASONS, description: 'Why the message was not delivered.' },
          title: text('A short name for the reply.', 'Gmail needs SPF or DKIM to pass'),
          meaning: text('What the provider is saying, in one to three sentences.'),
          fix: text('What the sender should do, in one to three sentences.'),
          reference: { type: 'string', pattern: '^https://[^\\s]+$', description: 'The provider\'s documentation of this reply.' },
        },
      },
    },
  },
} as const satisfies JsonSchema;

const hash: JsonSchema = {
  type: 'string',
  pattern: '^[0-9a-f]{12}$',
  description:
    'Hash of the English text this translation was made from. `npm run catalogue:check -- --fix` fills it in when it is missing; when the English changes, the translation is reported as stale.',
  'x-example': '3f9a0c1b2d4e',
};

const translated = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description, 'x-translatable': true });
const digitTexts: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'meaning'],
  properties: { name: translated('The translated name.'), meaning: translated('The translated meaning.') },
};

/** The texts reply codes and enhanced codes both have, as their translations. */
const entryTextTranslations: Record<string, JsonSchema> = {
  title: translated('Translation of `title`.'),
  summary: translated('Translation of `summary`: one sentence.'),
  description: translated('Translation of `description`.'),
  whenYouSeeIt: translated('Translation of `whenYouSeeIt`.'),
  howToFix: {
    type: 'object',
    additionalProperties: false,
    required: ['sender', 'operator'],
    properties: { sender: translated('Translation of `howToFix.sender`.'), operator: translated('Translation of `howToFix.operator`.') },
  },
};

export const codeTranslationSchema = {
  type: 'object',
  description: 'The translation of one code entry.',
  additionalProperties: false,
  required: ['title', 'summary', 'description', 'whenYouSeeIt', 'howToFix', 'whenToSend', 'onReceive'],
  properties: {
    source: hash,
    ...entryTextTranslations,
    whenToSend: translated('Translation of `whenToSend`.'),
    onReceive: translated('Translation of `onReceive`.'),
    retryWhen: {
      type: 'array',
      description: 'Translations of each `retryWhen` condition, in the same order as the English.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['condition'],
        properties: { condition: translated('Translation of the condition.') },
      },
    },
    vendorMeanings: {
      type: 'array',
      description: 'Translations of each vendor meaning, in the same order as the English.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['meaning'],
        properties: { meaning: translated('Translation of the meaning.') },
      },
    },
  },
} as const satisfies JsonSchema;

export const protocolTranslationSchema = {
  type: 'object',
  description: 'The translation of `protocol.yaml`\'s texts.',
  additionalProperties: false,
  required: ['title', 'summary', 'classes', 'outcomes', 'facts'],
  properties: {
    source: hash,
    title: translated('Translation of `title`.'),
    summary: translated('Translation of `summary`.'),
    outcomes: {
      type: 'object',
      description: 'Keyed `<class>:<retry>`, as `2:not-needed`.',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['outcome', 'both', 'choice'],
        properties: { outcome: translated('Translation of `outcome`.'), both: translated('Translation of `both`.'), choice: translated('Translation of `choice`.') },
      },
    },
    facts: {
      type: 'object',
      description: 'Keyed by the fact\'s field.',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['label'],
        properties: {
          label: translated('Translation of `label`.'),
          values: {
            type: 'object',
            description: 'Keyed by value id.',
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              required: ['label'],
              properties: {
                label: translated('Translation of `label`.'),
                clause: translated('Translation of `clause`.'),
                appliedClause: translated('Translation of `appliedClause`.'),
                choice: translated('Translation of `choice`.'),
                appliedChoice: translated('Translation of `appliedChoice`.'),
              },
            },
          },
        },
      },
    },
    classes: { type: 'object', description: 'Keyed by digit.', additionalProperties: digitTexts },
    categories: { type: 'object', description: 'Keyed by digit.', additionalProperties: digitTexts },
    subjects: { type: 'object', description: 'Keyed by subject number.', additionalProperties: digitTexts },
    phases: {
      type: 'object',
      description: 'Keyed by phase id.',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'when'],
        properties: { name: translated('The translated phase name.'), when: translated('Translation of the phase\'s `when` phrase.') },
      },
    },
  },
} as const satisfies JsonSchema;

export const pairTranslationSchema = {
  type: 'object',
  description: 'The translation of one pair note.',
  additionalProperties: false,
  required: ['note', 'whenToSendWhich'],
  properties: { source: hash, note: translated('Translation of `note`.'), whenToSendWhich: translated('Translation of `whenToSendWhich`.') },
} as const satisfies JsonSchema;

export const enhancedTranslationSchema = {
  type: 'object',
  description: 'The translation of one enhanced status code entry.',
  additionalProperties: false,
  required: ['title', 'summary', 'description', 'inClass', 'whenYouSeeIt', 'howToFix'],
  properties: {
    source: hash,
    ...entryTextTranslations,
    inClass: {
      type: 'array',
      description: 'Translations of each `inClass` meaning, in the same order as the English.',
      items: { type: 'object', additionalProperties: false, required: ['meaning'], properties: { meaning: translated('Translation of the meaning.') } },
    },
  },
} as const satisfies JsonSchema;

export const providerRuleTranslationSchema = {
  type: 'object',
  description: 'The translation of one provider rule.',
  additionalProperties: false,
  required: ['title', 'meaning', 'fix'],
  properties: { source: hash, title: translated('Translation of `title`.'), meaning: translated('Translation of `meaning`.'), fix: translated('Translation of `fix`.') },
} as const satisfies JsonSchema;

export const localeProtocolSchema = {
  type: 'object',
  description: 'Translations for one protocol: `catalogue/locales/<locale>/<protocol>.yaml`.',
  additionalProperties: false,
  properties: {
    protocol: protocolTranslationSchema,
    codes: { type: 'object', description: 'Keyed by code.', additionalProperties: codeTranslationSchema },
    pairs: { type: 'object', description: 'Keyed by `<a>-<b>`.', additionalProperties: pairTranslationSchema },
    enhanced: { type: 'object', description: 'SMTP: keyed by enhanced code (`X.1.1`).', additionalProperties: enhancedTranslationSchema },
    providers: { type: 'object', description: 'SMTP: keyed by provider rule id.', additionalProperties: providerRuleTranslationSchema },
  },
} as const satisfies JsonSchema;

export const messagesSchema = {
  type: 'object',
  description:
    'The sentences and labels that layouts use, as small Handlebars snippets: `catalogue/locales/<locale>/messages.yaml`. English (`en`) is the source; other locales use the same keys and the same placeholders.',
  additionalProperties: false,
  required: ['locale', 'messages'],
  properties: {
    locale: {
      type: 'object',
      description: 'About the language itself.',
      additionalProperties: false,
      required: ['name', 'englishName', 'dir'],
      properties: {
        name: { type: 'string', minLength: 1, description: 'The language\'s name in itself, e.g. `Tiếng Việt`.' },
        englishName: { type: 'string', minLength: 1, description: 'The language\'s name in English.' },
        dir: { type: 'string', enum: ['ltr', 'rtl'], description: 'Writing direction.' },
        draft: {
          type: 'boolean',
          description:
            'Still being translated: `catalogue:check` checks it and reports how complete it is, but it is not compiled, so no package, page or API answer offers it. Remove the flag when every text is translated and reviewed.',
        },
      },
    },
    messages: {
      type: 'object',
      description:
        'Message ids (grouped one level deep) to Handlebars snippets. Only `{{name}}` placeholders and `{{#if}}`/`{{#each}}` blocks; no HTML.',
      additionalProperties: { type: 'object', additionalProperties: { type: 'string', minLength: 1, 'x-snippet': true } },
    },
    sources: {
      type: 'object',
      description:
        'Only in translations: for each message id, the hash of the English snippet it was translated from (filled in by `--fix`).',
      additionalProperties: hash,
    },
  },
} as const satisfies JsonSchema;

export const glossarySchema = {
  type: 'object',
  description:
    'One rendering for each key term of a locale: `catalogue/locales/<locale>/glossary.yaml`. `npm run catalogue:check` warns wherever a translation uses a variant listed under `avoid`.',
  additionalProperties: false,
  required: ['register', 'terms'],
  properties: {
    register: {
      type: 'string',
      minLength: 1,
      description: 'The register the locale is written in (formal or not, how the reader is addressed), and what stays in English.',
    },
    terms: {
      type: 'array',
      minItems: 1,
      description: 'The key terms.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['term', 'use'],
        properties: {
          term: { type: 'string', minLength: 1, description: 'The English term.', 'x-example': 'relay' },
          meaning: { type: 'string', minLength: 1, description: 'What the term means here, when the word alone is ambiguous.' },
          use: { type: 'string', minLength: 1, description: 'The one rendering translations use.', 'x-example': 'relay (máy chủ relay)' },
          avoid: {
            type: 'array',
            uniqueItems: true,
            description: 'Discouraged variants: literal phrases, matched case-insensitively as whole words.',
            items: { type: 'string', minLength: 2 },
          },
          note: { type: 'string', minLength: 1, description: 'Why, or how to tell this term from a neighbour.' },
        },
      },
    },
  },
} as const satisfies JsonSchema;

/** The part of a schema that describes the value at a path (numbers index into lists). */
export function schemaAt(schema: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const segment of path) current = current && childSchema(current, segment);
  return current;
}

/** The schema of one child: a list item, a named field, or an entry of a keyed map. */
export function childSchema(schema: JsonSchema, key: string | number): JsonSchema | undefined {
  if (schema.items && typeof key === 'number') return schema.items;
  const named = schema.properties?.[String(key)];
  if (named) return named;
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}
