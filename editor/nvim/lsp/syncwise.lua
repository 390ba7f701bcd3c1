-- Neovim 0.11+: with this directory on 'runtimepath', `vim.lsp.enable('syncwise')`.
return {
  cmd = { 'syncwise', 'lsp' },
  filetypes = { 'c' },
  root_markers = { 'compile_commands.json', 'build/compile_commands.json', '.git' },
}
