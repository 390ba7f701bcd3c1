-- syncwise for nvim-lspconfig: registers the server, then set it up like
-- any other.  Put this in your init.lua (or source it), after lspconfig.
local configs = require('lspconfig.configs')
local util = require('lspconfig.util')

if not configs.syncwise then
  configs.syncwise = {
    default_config = {
      cmd = { 'syncwise', 'lsp' },
      filetypes = { 'c' },
      root_dir = util.root_pattern('compile_commands.json', 'build/compile_commands.json', '.git'),
      single_file_support = true,
      -- init_options = { select = { 'SW2', 'SW303' }, ignore = {}, includeLocalIo = false },
    },
    docs = {
      description = 'syncwise: does this C code need to be async? (`syncwise lsp`)',
    },
  }
end

require('lspconfig').syncwise.setup({})
