// Starts `syncwise lsp` for C files: diagnostics with their traces
// (related information), rule docs behind each code, and a quick fix that
// inserts a `// syncwise: ignore[CODE]` comment.
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('syncwise');
  const command = config.get<string>('path', 'syncwise');
  const serverOptions: ServerOptions = {
    run: { command, args: ['lsp'] },
    debug: { command, args: ['lsp'] },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'c' }],
    // A function, so that a restart after a settings change sees them.
    initializationOptions: () => {
      const c = vscode.workspace.getConfiguration('syncwise');
      return {
        select: c.get<string[]>('select', []),
        ignore: c.get<string[]>('ignore', []),
        includeLocalIo: c.get<boolean>('includeLocalIo', false),
      };
    },
  };
  client = new LanguageClient('syncwise', 'syncwise', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('syncwise') && client) {
        await client.restart();
      }
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
