'use strict';
// An external system as a CRM would write one, with an AMQP 1.0 client CallDesk does not ship
// (rhea). It talks JSON lines: it reads instructions on stdin and prints what happens on stdout,
// one JSON object per line, so a test (CallDesk's AmqpIntegrationIT) can drive and check it.
//
//   node crm-client.js --host 127.0.0.1 --port 61616 --container my-crm --subscription my-crm-events
//                      [--username U --password P]
//
// At start it subscribes durably to ContactCenterEventTopic (the subscription outlives the
// connection and a detached link) and opens a dynamic reply queue. Instructions on stdin:
//   {"op":"send","correlationId":"dial-1","body":"{...command JSON...}"}  a command, replies to the reply queue
//   {"op":"detach"}   detach the events link; the durable subscription keeps what is published meanwhile
//   {"op":"attach"}   attach to the same durable subscription again
//   {"op":"dlq"}      read what is on IntegrationCommandDLQ
//   {"op":"exit"}     close and exit
// Output lines have "kind": subscribed, ready, event, detached, sent, reply, dead-letter, error, closed.

const rhea = require('rhea');
const readline = require('readline');

function option(name, fallback) {
    const at = process.argv.indexOf('--' + name);
    return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

function print(line) {
    process.stdout.write(JSON.stringify(line) + '\n');
}

const EVENTS = 'ContactCenterEventTopic';
const COMMANDS = 'IntegrationCommandQueue';
const DEAD_LETTERS = 'IntegrationCommandDLQ';

const container = rhea.create_container({ id: option('container', 'calldesk-test-crm') });
const subscription = option('subscription', 'events');
const connection = container.connect({
    host: option('host', '127.0.0.1'),
    port: Number(option('port', '61616')),
    username: option('username', undefined),
    password: option('password', undefined),
    reconnect: false,
});

let events = null;
let replies = null;
let deadLetters = null;
let replyTo = null;
const commands = connection.open_sender(COMMANDS);

function subscribe() {
    // durable: 2 (unsettled-state) and expiry never make a durable subscription named by
    // container id and link name, as a JMS durable subscription is by client id and name
    events = connection.open_receiver({
        name: subscription,
        source: { address: EVENTS, durable: 2, expiry_policy: 'never' },
    });
}

function text(body) {
    if (typeof body === 'string') {
        return body;
    }
    if (body && body.content) { // a data section
        return Buffer.from(body.content).toString('utf8');
    }
    return String(body);
}

subscribe();
replies = connection.open_receiver({ source: { dynamic: true } });

connection.on('receiver_open', (context) => {
    if (context.receiver === events) {
        print({ kind: 'subscribed', subscription });
    } else if (context.receiver === replies) {
        replyTo = context.receiver.source.address;
        print({ kind: 'ready', replyTo });
    }
});

connection.on('receiver_close', (context) => {
    if (context.receiver === events) {
        print({ kind: 'detached', subscription });
    }
});

connection.on('message', (context) => {
    const message = context.message;
    const properties = message.application_properties || {};
    if (context.receiver === events) {
        const event = JSON.parse(text(message.body));
        print({
            kind: 'event', type: event.type, subjectKind: event.subject.kind, subjectId: event.subject.id,
            sequence: event.sequence, id: event.id, data: event.data, eventType: properties.eventType,
        });
    } else if (context.receiver === replies) {
        let body;
        try {
            body = JSON.parse(text(message.body));
        } catch (e) {
            body = { unreadable: text(message.body) };
        }
        print({ kind: 'reply', correlationId: message.correlation_id, status: properties.status, body });
    } else if (context.receiver === deadLetters) {
        print({ kind: 'dead-letter', reason: properties.reason, body: text(message.body) });
    }
});

connection.on('connection_error', (context) => print({ kind: 'error', error: String(context.connection.error) }));
connection.on('disconnected', (context) => {
    print({ kind: 'error', error: 'disconnected: ' + (context.error ? context.error.message : 'by the broker') });
    process.exit(3);
});

const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => {
    if (!line.trim()) {
        return;
    }
    const instruction = JSON.parse(line);
    switch (instruction.op) {
        case 'send':
            commands.send({
                body: instruction.body,
                correlation_id: instruction.correlationId,
                reply_to: replyTo,
                durable: true,
            });
            print({ kind: 'sent', correlationId: instruction.correlationId });
            break;
        case 'detach':
            events.detach();
            break;
        case 'attach':
            subscribe();
            break;
        case 'dlq':
            deadLetters = connection.open_receiver(DEAD_LETTERS);
            break;
        case 'exit':
            input.close();
            break;
        default:
            print({ kind: 'error', error: 'unknown instruction ' + line });
    }
});
input.on('close', () => {
    connection.removeAllListeners('disconnected');
    connection.close();
    connection.on('connection_close', () => {
        print({ kind: 'closed' });
        process.exit(0);
    });
});
