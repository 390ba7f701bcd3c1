-- syncwise for Neovim's built-in LSP client, without plugins.  Works on
-- Neovim 0.7 (Debian bookworm's) and newer.
--
--   require('syncwise').setup()          -- with this file on 'runtimepath'
--   dofile('/path/to/editor/nvim/lua/syncwise.lua').setup({cmd = {'/opt/bin/syncwise', 'lsp'}})
--
-- Options: cmd (default {'syncwise', 'lsp'}), init_options ({select = {...},
-- ignore = {...}, includeLocalIo = true}), on_attach, on_exit.
local M = {}

local clients = {} -- root directory -> client id

-- The project root: the nearest directory upwards that holds
-- compile_commands.json, build/compile_commands.json or .git.
local function find_root(dir)
  local d = dir
  while d and d ~= '' do
    for _, marker in ipairs({ 'compile_commands.json', 'build/compile_commands.json', '.git' }) do
      if vim.loop.fs_stat(d .. '/' .. marker) then
        return d
      end
    end
    local parent = vim.fn.fnamemodify(d, ':h')
    if parent == d then
      break
    end
    d = parent
  end
  return dir
end

function M.attach(bufnr, opts)
  opts = opts or M.opts or {}
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' or vim.bo[bufnr].buftype ~= '' then
    return
  end
  local root = find_root(vim.fn.fnamemodify(name, ':p:h'))
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client({
      name = 'syncwise',
      cmd = opts.cmd or { 'syncwise', 'lsp' },
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      init_options = opts.init_options,
      on_attach = opts.on_attach,
      on_exit = opts.on_exit,
    })
    if not id then
      return
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

function M.setup(opts)
  M.opts = opts or {}
  local group = vim.api.nvim_create_augroup('syncwise', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'c',
    callback = function(args)
      M.attach(args.buf)
    end,
  })
end

return M
