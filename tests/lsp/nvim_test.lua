-- Headless Neovim (0.7+) drives `syncwise lsp` through editor/nvim's plain
-- Lua set-up: open a fixture, get the finding, edit the buffer so that it
-- goes away, get the update.  Exits 0 on success, 1 with a message on
-- failure.  Environment: SYNCWISE, PROJECT, SYNCWISE_NVIM (editor/nvim).
local function fail(msg)
  io.stderr:write('nvim lsp test: FAIL: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local function run()
  vim.opt.runtimepath:prepend(os.getenv('SYNCWISE_NVIM'))
  vim.cmd('filetype on')
  local exit_code
  require('syncwise').setup({
    cmd = { os.getenv('SYNCWISE'), 'lsp' },
    on_exit = function(code) exit_code = code end,
  })
  local project = vim.loop.fs_realpath(os.getenv('PROJECT'))
  vim.cmd('edit ' .. vim.fn.fnameescape(project .. '/main.c'))
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo[buf].filetype ~= 'c' then
    return fail('filetype is not c')
  end

  if not vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
    return fail('no diagnostics for main.c')
  end
  local diags = vim.diagnostic.get(buf)
  if #diags ~= 1 then
    return fail('expected 1 diagnostic, got ' .. vim.inspect(diags))
  end
  local d = diags[1]
  local lsp = (d.user_data or {}).lsp or {}
  local code = d.code or lsp.code
  local got = string.format('%d:%d %s %s %s', d.lnum, d.col, tostring(code), tostring(d.source), d.message)
  local want = "9:8 SW303 syncwise 'net_lookup' blocks the libuv loop in 'on_read': it calls 'getaddrinfo' (a DNS lookup)"
  if got:sub(1, #want) ~= want or d.severity ~= vim.diagnostic.severity.WARN then
    return fail('unexpected diagnostic: ' .. got)
  end
  local rel = lsp.relatedInformation
  if rel and (#rel ~= 2 or not rel[1].location.uri:match('/net%.c$')) then
    return fail('unexpected trace: ' .. vim.inspect(rel))
  end

  -- Edit the buffer (unsaved): the finding goes away.
  local line = vim.api.nvim_buf_get_lines(buf, 9, 10, true)[1]
  if not line:match('net_lookup') then
    return fail('fixture changed: line 10 is ' .. line)
  end
  vim.api.nvim_buf_set_lines(buf, 9, 10, true, { '        (void)buf;' })
  if not vim.wait(60000, function() return #vim.diagnostic.get(buf) == 0 end, 50) then
    return fail('the finding did not go away: ' .. vim.inspect(vim.diagnostic.get(buf)))
  end
  -- And comes back when the edit is undone.
  vim.api.nvim_buf_set_lines(buf, 9, 10, true, { line })
  if not vim.wait(60000, function() return #vim.diagnostic.get(buf) == 1 end, 50) then
    return fail('the finding did not come back')
  end
  -- shutdown and exit: the server ends with status 0 (under ASan too).
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  if not vim.wait(30000, function() return exit_code ~= nil end, 50) then
    return fail('the server did not exit')
  end
  if exit_code ~= 0 then
    return fail('the server exited with status ' .. tostring(exit_code))
  end
  io.stdout:write('nvim lsp test: ok\n')
  vim.cmd('qall!')
end

local ok, err = pcall(run)
if not ok then
  fail(tostring(err))
end
