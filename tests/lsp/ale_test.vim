" The ALE linter (editor/vim) on real `syncwise --format json` output, in
" headless Neovim with ALE's entry points stubbed (ale-stub/).  Environment:
" SYNCWISE, PROJECT, SYNCWISE_VIM (editor/vim).
execute 'set runtimepath^=' . fnameescape($ALE_STUB)

function! s:Fail(msg) abort
    call writefile(['ale linter test: FAIL: ' . a:msg], '/dev/stderr')
    cquit 1
endfunction

try
    execute 'source ' . $SYNCWISE_VIM . '/ale_linters/c/syncwise.vim'
    if get(g:ale_test_defined, 'name', '') isnot# 'syncwise' || !get(g:ale_test_defined, 'lint_file', 0)
        call s:Fail('linter not defined: ' . string(g:ale_test_defined))
    endif
    if ale_linters#c#syncwise#GetCommand(1) !~# '^%e --format json --fail-on never .*%s$'
        call s:Fail('command: ' . ale_linters#c#syncwise#GetCommand(1))
    endif
    execute 'edit ' . fnameescape($PROJECT . '/main.c')
    let s:lines = systemlist('cd ' . shellescape($PROJECT) . ' && '
    \   . shellescape($SYNCWISE) . ' --format json --fail-on never main.c')
    let s:got = ale_linters#c#syncwise#Handle(bufnr(''), s:lines)
    let s:want = [{'lnum': 10, 'col': 9, 'end_lnum': 10, 'end_col': 18,
    \   'type': 'W', 'code': 'SW303'}]
    if len(s:got) != 1
        call s:Fail('expected one problem, got ' . string(s:got))
    endif
    for [s:k, s:v] in items(s:want[0])
        if get(s:got[0], s:k, '') isnot# s:v
            call s:Fail(s:k . ': got ' . string(get(s:got[0], s:k, '')) . ' in ' . string(s:got))
        endif
    endfor
    if s:got[0].text !~# "^'net_lookup' blocks the libuv loop" || s:got[0].detail !~# "net.c:8: note: 'net_lookup' calls 'getaddrinfo'"
        call s:Fail('text/detail: ' . string(s:got))
    endif
    if ale_linters#c#syncwise#Handle(bufnr(''), ['not json']) != []
        call s:Fail('bad output must give no problems')
    endif
catch
    call s:Fail(v:exception . ' at ' . v:throwpoint)
endtry
call writefile(['ale linter test: ok'], '/dev/stdout')
qall!
