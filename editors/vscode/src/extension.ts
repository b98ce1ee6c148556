// Starts `mini4d lsp` for .4dm files and connects it to VS Code.
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const command = vscode.workspace.getConfiguration("mini4d").get<string>("path") || "mini4d";
  const serverOptions: ServerOptions = { command, args: ["lsp"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "4d" }],
    synchronize: {
      // Created, changed and deleted methods and classes re-check their callers.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.4dm"),
    },
  };
  client = new LanguageClient("mini4d", "mini4d", serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
