// A neighbour of Rubric in the same extension host: its command answers at once with the time it ran.
const vscode = require('vscode');

exports.activate = (context) => {
  context.subscriptions.push(vscode.commands.registerCommand('neighbour.ping', () => ({answeredAt: Date.now()})));
};
