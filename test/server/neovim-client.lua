-- Neovim's built-in LSP client against newsmark-language-server, headless:
-- open an article, wait for its diagnostics, ask for a hover and the
-- document symbols, write what came back as JSON and quit.
-- Run by neovim.test.ts: nvim --headless --clean -c "luafile neovim-client.lua"
local env = vim.env
local file = env.NEWSMARK_FILE
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local result = {diagnostics = {}, errors = {}}

local client = vim.lsp.start_client({
  name = 'newsmark',
  cmd = {env.NEWSMARK_NODE, env.NEWSMARK_SERVER, '--stdio'},
  root_dir = vim.fn.fnamemodify(file, ':h'),
  init_options = {newsmark = {preset = 'strict'}},
  on_error = function(code, err) table.insert(result.errors, tostring(code) .. ': ' .. vim.inspect(err)) end,
})
if not client then
  table.insert(result.errors, 'the client did not start')
else
  vim.lsp.buf_attach_client(buf, client)
  result.gotDiagnostics = vim.wait(120000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
  for _, item in ipairs(vim.diagnostic.get(buf)) do
    local lsp = item.user_data and item.user_data.lsp or {}
    table.insert(result.diagnostics, {line = item.lnum, col = item.col, message = item.message, source = item.source, code = lsp.code})
  end
  local uri = vim.uri_from_bufnr(buf)
  local position = {line = tonumber(env.NEWSMARK_LINE), character = tonumber(env.NEWSMARK_CHARACTER)}
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {textDocument = {uri = uri}, position = position}, 60000)
  for _, response in pairs(hover or {}) do
    if response.result then result.hover = response.result.contents.value end
    if response.err then table.insert(result.errors, vim.inspect(response.err)) end
  end
  local symbols = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', {textDocument = {uri = uri}}, 60000)
  result.symbols = {}
  for _, response in pairs(symbols or {}) do
    for _, symbol in ipairs(response.result or {}) do table.insert(result.symbols, symbol.name) end
  end
  vim.lsp.stop_client(client)
end
vim.fn.writefile({vim.fn.json_encode(result)}, env.NEWSMARK_OUT)
vim.cmd('qall!')
