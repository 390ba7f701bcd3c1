# syncwise as build actions: one `syncwise extract` per C source of a target
# and one `syncwise link` over their facts, so Ninja (or Make) runs the
# extractions in parallel and re-runs only those whose source or headers
# changed (through depfiles).
#
#   include(SyncwiseAnalysis)          # from syncwise's cmake/ directory
#   syncwise_add_analysis(server
#       [ALL]                          # part of the default build
#       [FORMAT text|json]             # report format (default text)
#       [OUTPUT file]                  # default <binary dir>/<target>.syncwise.<txt|json>
#       [FAIL_ON note|warning|error]   # fail the build on findings (default: never)
#       [LINK_ARGS args...]            # more `syncwise link` options (--select ...)
#       [EXTRACT_ARGS args...])        # more compiler arguments for extraction
#
# It adds the target <target>_syncwise.  The compiler arguments come from the
# target's include directories, compile definitions, compile options and C
# standard, including those its linked libraries propagate.
# SYNCWISE_EXECUTABLE names the syncwise binary (default: found on PATH).
include_guard(GLOBAL)

if(NOT SYNCWISE_EXECUTABLE)
  find_program(SYNCWISE_EXECUTABLE syncwise)
endif()

function(syncwise_add_analysis target)
  cmake_parse_arguments(SW "ALL" "FORMAT;OUTPUT;FAIL_ON" "LINK_ARGS;EXTRACT_ARGS" ${ARGN})
  if(NOT SYNCWISE_EXECUTABLE)
    message(FATAL_ERROR "syncwise_add_analysis: set SYNCWISE_EXECUTABLE to the syncwise binary")
  endif()
  if(NOT SW_FORMAT)
    set(SW_FORMAT text)
  endif()
  if(NOT SW_FAIL_ON)
    set(SW_FAIL_ON never)
  endif()
  if(SW_FORMAT STREQUAL "json")
    set(_ext json)
  else()
    set(_ext txt)
  endif()
  if(NOT SW_OUTPUT)
    set(SW_OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/${target}.syncwise.${_ext}")
  endif()
  set(_all "")
  if(SW_ALL)
    set(_all ALL)
  endif()

  get_target_property(_srcs ${target} SOURCES)
  get_target_property(_srcdir ${target} SOURCE_DIR)
  set(_outdir "${CMAKE_CURRENT_BINARY_DIR}/syncwise/${target}")

  # Compiler arguments, evaluated at generation time (transitive usage
  # requirements included).  Empty lists produce no stray "-I" or "-D".
  set(_inc "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  set(_defs "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  set(_opts "$<TARGET_PROPERTY:${target},COMPILE_OPTIONS>")
  set(_std "$<TARGET_PROPERTY:${target},C_STANDARD>")
  set(_args
      "$<$<BOOL:${_inc}>:-I$<JOIN:${_inc},$<SEMICOLON>-I>>"
      "$<$<BOOL:${_defs}>:-D$<JOIN:${_defs},$<SEMICOLON>-D>>"
      "${_opts}"
      "$<$<BOOL:${_std}>:-std=c${_std}>"
      ${SW_EXTRACT_ARGS})

  set(_use_depfile OFF)
  if(CMAKE_GENERATOR MATCHES "Ninja" OR CMAKE_VERSION VERSION_GREATER_EQUAL 3.20)
    set(_use_depfile ON)
  endif()

  set(_facts "")
  foreach(_src IN LISTS _srcs)
    if(NOT _src MATCHES "\\.c$")
      continue()
    endif()
    get_filename_component(_abs "${_src}" ABSOLUTE BASE_DIR "${_srcdir}")
    file(RELATIVE_PATH _rel "${_srcdir}" "${_abs}")
    string(REPLACE "../" "__/" _rel "${_rel}")
    set(_out "${_outdir}/${_rel}.facts")
    get_filename_component(_dir "${_out}" DIRECTORY)
    file(MAKE_DIRECTORY "${_dir}")
    # The depfile's target must be spelled as Ninja spells the output:
    # relative to the top build directory, where the command runs.
    file(RELATIVE_PATH _out_rel "${CMAKE_BINARY_DIR}" "${_out}")
    set(_depfile_args "")
    set(_depfile_opt "")
    if(_use_depfile)
      set(_depfile_args --depfile "${_out_rel}.d")
      set(_depfile_opt DEPFILE "${_out}.d")
    endif()
    add_custom_command(
      OUTPUT "${_out}"
      COMMAND "${SYNCWISE_EXECUTABLE}" extract "${_abs}" -o "${_out_rel}" --binary ${_depfile_args}
              -- ${_args}
      DEPENDS "${_abs}" "${SYNCWISE_EXECUTABLE}"
      ${_depfile_opt}
      WORKING_DIRECTORY "${CMAKE_BINARY_DIR}"
      COMMENT "syncwise: extracting ${_rel}"
      COMMAND_EXPAND_LISTS VERBATIM)
    list(APPEND _facts "${_out}")
  endforeach()

  # The link reads its inputs from a list file, so any number of sources
  # fits on its command line.
  string(REPLACE ";" "\n" _list_text "${_facts}")
  set(_list "${_outdir}/facts.list")
  file(GENERATE OUTPUT "${_list}" CONTENT "${_list_text}\n")
  add_custom_command(
    OUTPUT "${SW_OUTPUT}"
    COMMAND "${SYNCWISE_EXECUTABLE}" link --list "${_list}" --format ${SW_FORMAT}
            --fail-on ${SW_FAIL_ON} --color never -o "${SW_OUTPUT}" ${SW_LINK_ARGS}
    DEPENDS ${_facts} "${_list}" "${SYNCWISE_EXECUTABLE}"
    COMMENT "syncwise: linking ${target} (report in ${SW_OUTPUT})"
    VERBATIM)
  add_custom_target(${target}_syncwise ${_all} DEPENDS "${SW_OUTPUT}")
endfunction()
