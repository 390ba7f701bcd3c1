" Stand-ins for the two ALE functions the linter definition calls (tests).
function! ale#Set(name, default) abort
    if !has_key(g:, 'ale_' . a:name)
        let g:['ale_' . a:name] = a:default
    endif
endfunction

function! ale#Var(buffer, name) abort
    return g:['ale_' . a:name]
endfunction
