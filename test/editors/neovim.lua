-- Driven by test/unit/neovim.test.ts in a headless Neovim whose init.lua is the README's configuration:
-- waits for Rubric's diagnostics, asks for the code actions at the first one, applies the one titled
-- $RUBRIC_ACTION with Neovim's own workspace-edit code, saves the file and writes what it saw to $RUBRIC_REPORT.
local report = {}
local function finish(code)
  local f = assert(io.open(vim.env.RUBRIC_REPORT, 'w'))
  f:write(table.concat(report, '\n') .. '\n')
  f:close()
  vim.cmd(code == 0 and 'qa!' or 'cquit ' .. code)
end

if not vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50) then
  table.insert(report, 'no diagnostics within 30 s')
  return finish(1)
end
local diagnostics = vim.diagnostic.get(0)
table.sort(diagnostics, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
for _, d in ipairs(diagnostics) do
  table.insert(report, string.format('diagnostic %d:%d %s %s', d.lnum + 1, d.col + 1, d.code or '', d.message))
end

local first = diagnostics[1]
local params = {
  textDocument = vim.lsp.util.make_text_document_params(),
  range = {start = {line = first.lnum, character = first.col}, ['end'] = {line = first.end_lnum, character = first.end_col}},
  context = {diagnostics = {}},
}
local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 20000) or {}
local chosen
for client_id, response in pairs(responses) do
  if response.error then table.insert(report, 'error ' .. vim.inspect(response.error)) end
  for _, action in ipairs(response.result or {}) do
    table.insert(report, 'action ' .. action.title)
    if action.title == vim.env.RUBRIC_ACTION then chosen = {action = action, client = vim.lsp.get_client_by_id(client_id)} end
  end
end
if not chosen then
  table.insert(report, 'no action titled ' .. vim.env.RUBRIC_ACTION)
  return finish(1)
end
vim.lsp.util.apply_workspace_edit(chosen.action.edit, chosen.client.offset_encoding or 'utf-16')
vim.cmd('write')
table.insert(report, 'applied')
finish(0)
