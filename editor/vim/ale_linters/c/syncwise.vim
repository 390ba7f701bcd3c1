" syncwise for ALE: runs `syncwise --format json` on the saved file, from
" the file's directory (syncwise finds compile_commands.json from there).
" Options: g:ale_c_syncwise_executable, g:ale_c_syncwise_options.

call ale#Set('c_syncwise_executable', 'syncwise')
call ale#Set('c_syncwise_options', '')

function! ale_linters#c#syncwise#GetCommand(buffer) abort
    return '%e --format json --fail-on never '
    \   . ale#Var(a:buffer, 'c_syncwise_options') . ' %s'
endfunction

function! ale_linters#c#syncwise#Handle(buffer, lines) abort
    try
        let l:doc = json_decode(join(a:lines, "\n"))
    catch
        return []
    endtry
    if type(l:doc) != v:t_dict
        return []
    endif
    let l:file = fnamemodify(bufname(a:buffer), ':p')
    let l:dir = fnamemodify(l:file, ':h')
    let l:output = []
    for l:d in get(l:doc, 'diagnostics', [])
        let l:path = l:d.file =~# '^/' ? l:d.file : l:dir . '/' . l:d.file
        if simplify(l:path) isnot# simplify(l:file)
            continue
        endif
        let l:notes = map(copy(get(l:d, 'notes', [])),
        \   'v:val.file . '':'' . v:val.line . '': note: '' . v:val.message')
        call add(l:output, {
        \   'lnum': l:d.line,
        \   'col': l:d.column,
        \   'end_lnum': get(l:d, 'end_line', l:d.line),
        \   'end_col': max([get(l:d, 'end_column', l:d.column) - 1, l:d.column]),
        \   'type': l:d.level is# 'error' ? 'E' : l:d.level is# 'warning' ? 'W' : 'I',
        \   'code': l:d.rule,
        \   'text': l:d.message,
        \   'detail': join([l:d.message] + l:notes, "\n"),
        \})
    endfor
    return l:output
endfunction

call ale#linter#Define('c', {
\   'name': 'syncwise',
\   'executable': {b -> ale#Var(b, 'c_syncwise_executable')},
\   'cwd': '%s:h',
\   'command': function('ale_linters#c#syncwise#GetCommand'),
\   'callback': 'ale_linters#c#syncwise#Handle',
\   'lint_file': 1,
\})
