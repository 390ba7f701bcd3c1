// Drives `syncwise lsp` with vscode-jsonrpc's framing (the transport VS
// Code's language client uses): diagnostics on open, cross-file updates
// from an unsaved buffer, superseded changes, the ignore quick fix,
// malformed frames, shutdown and exit.
//
//   node client_test.js SYNCWISE PROJECT_DIR
'use strict';

const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const { StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const [syncwise, projectArg] = process.argv.slice(2);
const project = fs.realpathSync(projectArg);
const uriOf = (f) => 'file://' + path.join(project, f);
const mainUri = uriOf('main.c');
const netUri = uriOf('net.c');
const mainText = fs.readFileSync(path.join(project, 'main.c'), 'utf8');
const netText = fs.readFileSync(path.join(project, 'net.c'), 'utf8');

const child = cp.spawn(syncwise, ['lsp'], { cwd: project, stdio: ['pipe', 'pipe', 'inherit'] });
const reader = new StreamMessageReader(child.stdout);
const writer = new StreamMessageWriter(child.stdin);
const inbox = [];
const log = []; // every message, in arrival order
let wake = null;
reader.listen((msg) => {
  inbox.push(msg);
  log.push(msg);
  if (wake) wake();
});
reader.onError((e) => { console.error('framing error from server:', e); process.exit(1); });

const TIMEOUT = 60000;
// Waits for the first message that pred accepts; earlier ones stay queued
// unless drop is set.
async function expect(pred, what) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const i = inbox.findIndex(pred);
    if (i >= 0) return inbox.splice(i, 1)[0];
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what + '; inbox: ' + JSON.stringify(inbox));
    await new Promise((res) => { wake = res; setTimeout(res, 200); });
    wake = null;
  }
}
const isPublish = (uri, version) => (m) => m.method === 'textDocument/publishDiagnostics' &&
  m.params.uri === uri && (version === undefined || m.params.version === version);
const isResponse = (id) => (m) => m.id === id && !m.method;
function send(msg) { return writer.write(Object.assign({ jsonrpc: '2.0' }, msg)); }
function raw(s) { child.stdin.write(s); }
function frame(body) { return 'Content-Length: ' + Buffer.byteLength(body) + '\r\n\r\n' + body; }

// The expected finding in main.c, with its trace into net.c.
function checkFinding(diags) {
  assert.strictEqual(diags.length, 1, JSON.stringify(diags));
  const d = diags[0];
  assert.deepStrictEqual(d.range, { start: { line: 9, character: 8 }, end: { line: 9, character: 18 } });
  assert.strictEqual(d.severity, 2);
  assert.strictEqual(d.code, 'SW303');
  assert.strictEqual(d.source, 'syncwise');
  assert.match(d.message, /^'net_lookup' blocks the libuv loop in 'on_read': it calls 'getaddrinfo' \(a DNS lookup\)/);
  assert.match(d.codeDescription.href, /^file:\/\/\/.*SW303-blocking-in-event-loop\.md$/);
  const rel = d.relatedInformation.map((r) => [r.location.uri, r.location.range.start.line, r.message]);
  assert.deepStrictEqual(rel, EXPECTED_TRACE);
  return d;
}
const EXPECTED_TRACE = [
  [netUri, 7, "'net_lookup' calls 'getaddrinfo'"],
  [mainUri, 25, "'on_read' runs on the libuv loop (registered with 'uv_read_start' in 'main')"],
];

async function main() {
  // Requests before initialize are refused.
  send({ id: 0, method: 'textDocument/codeAction', params: {} });
  let r = await expect(isResponse(0), 'response 0');
  assert.strictEqual(r.error.code, -32002);

  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: 'file://' + project, capabilities: {} } });
  r = await expect(isResponse(1), 'initialize result');
  assert.strictEqual(r.result.capabilities.textDocumentSync.change, 1);
  assert.strictEqual(r.result.capabilities.positionEncoding, 'utf-16');
  assert.strictEqual(r.result.serverInfo.name, 'syncwise');
  send({ method: 'initialized', params: {} });

  // Open main.c: the finding, with its trace into net.c.
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri: mainUri, languageId: 'c', version: 1, text: mainText } } });
  let p = await expect(isPublish(mainUri, 1), 'diagnostics for main.c v1');
  const finding = checkFinding(p.params.diagnostics);

  // The quick fix inserts the ignore comment above the line.
  send({ id: 2, method: 'textDocument/codeAction', params: { textDocument: { uri: mainUri }, range: finding.range, context: { diagnostics: [finding] } } });
  r = await expect(isResponse(2), 'codeAction result');
  assert.strictEqual(r.result.length, 1);
  assert.strictEqual(r.result[0].kind, 'quickfix');
  assert.deepStrictEqual(r.result[0].edit.changes[mainUri], [
    { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, newText: '        // syncwise: ignore[SW303]\n' },
  ]);

  // Cross-file: an unsaved edit of net.c that drops getaddrinfo clears main.c.
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri: netUri, languageId: 'c', version: 1, text: netText } } });
  p = await expect(isPublish(netUri, 1), 'diagnostics for net.c v1');
  assert.deepStrictEqual(p.params.diagnostics, []);
  inbox.length = 0;
  const netFast = netText.replace('getaddrinfo(host, "80", NULL, &res)', 'host[0] == 0');
  assert.notStrictEqual(netFast, netText);
  send({ method: 'textDocument/didChange', params: { textDocument: { uri: netUri, version: 2 }, contentChanges: [{ text: netFast }] } });
  p = await expect(isPublish(mainUri, 1), 'main.c after the net.c edit');
  assert.deepStrictEqual(p.params.diagnostics, []);
  // Closing net.c brings back the file on disk, and the finding.
  send({ method: 'textDocument/didClose', params: { textDocument: { uri: netUri } } });
  p = await expect(isPublish(netUri), 'empty diagnostics for closed net.c');
  assert.deepStrictEqual(p.params.diagnostics, []);
  p = await expect(isPublish(mainUri, 1), 'main.c after closing net.c');
  checkFinding(p.params.diagnostics);

  // A header's unsaved buffer reaches the TUs that include it.
  const hUri = uriOf('net.h');
  const hText = fs.readFileSync(path.join(project, 'net.h'), 'utf8');
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri: hUri, languageId: 'c', version: 1, text: hText } } });
  p = await expect(isPublish(hUri, 1), 'diagnostics for net.h v1');
  assert.deepStrictEqual(p.params.diagnostics, []);
  inbox.length = 0;
  const hMacro = hText.replace('#endif', '#define net_lookup(h) ((void)(h), 0)\n#endif');
  send({ method: 'textDocument/didChange', params: { textDocument: { uri: hUri, version: 2 }, contentChanges: [{ text: hMacro }] } });
  p = await expect(isPublish(mainUri, 1), 'main.c after the net.h edit');
  assert.deepStrictEqual(p.params.diagnostics, []);
  send({ method: 'textDocument/didClose', params: { textDocument: { uri: hUri } } });
  p = await expect(isPublish(mainUri, 1), 'main.c after closing net.h');
  checkFinding(p.params.diagnostics);

  // A file outside the database (and not on disk) gets a neighbour's flags.
  const extraUri = uriOf('extra.c');
  const extraText = [
    '#include <unistd.h>', '#include <uv.h>', '',
    'static void on_tick(uv_timer_t *t)', '{', '    (void)t;', '    sleep(1);', '}', '',
    'void start_ticks(uv_loop_t *loop, uv_timer_t *t)', '{',
    '    uv_timer_init(loop, t);', '    uv_timer_start(t, on_tick, 10, 10);', '}', ''].join('\n');
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri: extraUri, languageId: 'c', version: 1, text: extraText } } });
  p = await expect(isPublish(extraUri, 1), 'diagnostics for extra.c');
  assert.deepStrictEqual(p.params.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message.split('\n')[0]]),
    [['SW303', 6, 4, "'sleep' blocks the libuv loop in 'on_tick' (a sleep)"]]);
  send({ method: 'textDocument/didClose', params: { textDocument: { uri: extraUri } } });
  p = await expect(isPublish(extraUri), 'empty diagnostics for closed extra.c');
  assert.deepStrictEqual(p.params.diagnostics, []);
  p = await expect(isPublish(mainUri, 1), 'main.c after closing extra.c');
  checkFinding(p.params.diagnostics);

  // Two quick edits: the second supersedes the first; versions never go back.
  inbox.length = 0;
  const mainFixed = mainText.replace('        net_lookup(buf->base);\n', '        (void)buf;\n');
  assert.notStrictEqual(mainFixed, mainText);
  send({ method: 'textDocument/didChange', params: { textDocument: { uri: mainUri, version: 2 }, contentChanges: [{ text: mainFixed }] } });
  send({ method: 'textDocument/didChange', params: { textDocument: { uri: mainUri, version: 3 }, contentChanges: [{ text: mainFixed + '/* edited */\n' }] } });
  p = await expect(isPublish(mainUri, 3), 'diagnostics for main.c v3');
  assert.deepStrictEqual(p.params.diagnostics, []);
  // Versions never go back: a stale analysis is never published late.
  const seen = log.filter(isPublish(mainUri)).map((m) => m.params.version);
  assert.ok(seen.every((v, i) => i === 0 || v >= seen[i - 1]), 'versions went back: ' + seen);

  // didSave re-checks without changing anything.
  inbox.length = 0;
  send({ method: 'textDocument/didSave', params: { textDocument: { uri: mainUri } } });
  p = await expect(isPublish(mainUri, 3), 'diagnostics after didSave');
  assert.deepStrictEqual(p.params.diagnostics, []);

  // Columns are UTF-16 code units (the client offered no UTF-8).
  inbox.length = 0;
  const mainWide = mainText.replace('        net_lookup(buf->base);', '        /* \u00fc\u{1F600} */ net_lookup(buf->base);');
  send({ method: 'textDocument/didChange', params: { textDocument: { uri: mainUri, version: 4 }, contentChanges: [{ text: mainWide }] } });
  p = await expect(isPublish(mainUri, 4), 'diagnostics for main.c v4');
  assert.deepStrictEqual(p.params.diagnostics.map((d) => [d.code, d.range]),
    [['SW303', { start: { line: 9, character: 18 }, end: { line: 9, character: 28 } }]]);

  // Applying the quick fix silences the finding (the engine reads the
  // suppression comment from the unsaved buffer).
  send({ id: 3, method: 'textDocument/codeAction', params: { textDocument: { uri: mainUri }, range: p.params.diagnostics[0].range, context: { diagnostics: p.params.diagnostics } } });
  r = await expect(isResponse(3), 'codeAction result for v4');
  const edit = r.result[0].edit.changes[mainUri][0];
  const lines = mainWide.split('\n');
  lines.splice(edit.range.start.line, 0, edit.newText.replace(/\n$/, ''));
  send({ method: 'textDocument/didChange', params: { textDocument: { uri: mainUri, version: 5 }, contentChanges: [{ text: lines.join('\n') }] } });
  p = await expect(isPublish(mainUri, 5), 'diagnostics for main.c v5');
  assert.deepStrictEqual(p.params.diagnostics, []);

  // Malformed frames: each gets an error, and the server keeps running.
  inbox.length = 0;
  raw('Content-Length: abc\r\n\r\n');
  r = await expect((m) => m.error && m.id === null, 'error for a bad Content-Length');
  assert.strictEqual(r.error.code, -32700);
  raw('hello there\r\n\r\n');
  r = await expect((m) => m.error && m.id === null, 'error for a garbage header');
  assert.strictEqual(r.error.code, -32700);
  raw(frame('{"jsonrpc": "2.0", "id": 7, "method": '));
  r = await expect((m) => m.error && m.id === null, 'error for invalid JSON');
  assert.strictEqual(r.error.code, -32700);
  raw(frame('[1, 2, 3]'));
  r = await expect((m) => m.error && m.id === null, 'error for a non-object');
  assert.strictEqual(r.error.code, -32600);
  raw(frame('{"jsonrpc": "2.0", "id": 8}'));
  r = await expect(isResponse(8), 'error for a missing method');
  assert.strictEqual(r.error.code, -32600);
  raw(frame('{"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"}'));
  r = await expect((m) => m.error && m.id === null, 'error for an object id');
  assert.strictEqual(r.error.code, -32600);
  raw(frame('{"jsonrpc": "2.0", "method": "workspace/noSuchNotification", "params": {}}'));
  send({ id: 9, method: 'workspace/noSuchRequest', params: {} });
  r = await expect(isResponse(9), 'error for an unknown method');
  assert.strictEqual(r.error.code, -32601);
  send({ id: 10, method: 'textDocument/codeAction', params: { textDocument: {} } });
  r = await expect(isResponse(10), 'error for bad params');
  assert.strictEqual(r.error.code, -32602);
  // Random garbage between frames (a seeded generator, without the
  // letters of "Content-Length"): each burst gets a framing error at most,
  // and the next frame is read again.
  let seed = 12345;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  for (let round = 0; round < 20; round++) {
    const bytes = [];
    for (let i = rand() % 300; i > 0; i--) {
      const b = rand() % 256;
      bytes.push(/[cCoOnNtTeElLgGhH:]/.test(String.fromCharCode(b)) ? 0x20 : b);
    }
    child.stdin.write(Buffer.from(bytes));
    raw('\r\n\r\n');
    send({ id: 100 + round, method: 'workspace/noSuchRequest' });
    r = await expect(isResponse(100 + round), 'response after garbage burst ' + round);
    assert.strictEqual(r.error.code, -32601);
  }
  for (let i = inbox.length - 1; i >= 0; i--) {
    if (inbox[i].id === null && inbox[i].error && inbox[i].error.code === -32700) inbox.splice(i, 1);
  }

  // Nothing else was answered: notifications never get responses.
  assert.deepStrictEqual(inbox.filter((m) => !m.method), []);

  send({ id: 11, method: 'shutdown' });
  r = await expect(isResponse(11), 'shutdown result');
  assert.strictEqual(r.result, null);
  const exited = new Promise((res) => child.on('exit', (code) => res(code)));
  send({ method: 'exit' });
  assert.strictEqual(await exited, 0);
  console.log('lsp client test: ok');
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  child.kill();
  process.exit(1);
});
