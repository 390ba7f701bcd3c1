" Stand-in for ALE's linter registry (tests): keeps the last definition.
let g:ale_test_defined = {}

function! ale#linter#Define(filetype, linter) abort
    let g:ale_test_defined = a:linter
endfunction
