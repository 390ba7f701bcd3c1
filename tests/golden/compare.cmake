# Runs syncwise on the bundled example and compares its output with a golden
# file.  Set SW_UPDATE_GOLDEN=1 in the environment to rewrite the file.
execute_process(
  COMMAND ${SYNCWISE} -p . --format ${FORMAT} -j 2 --color never --no-cache
  WORKING_DIRECTORY ${EXAMPLE}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 AND NOT rc EQUAL 1)
  message(FATAL_ERROR "syncwise exited with ${rc}: ${err}")
endif()
if(err)
  message(FATAL_ERROR "unexpected stderr: ${err}")
endif()
if(DEFINED ENV{SW_UPDATE_GOLDEN})
  file(WRITE ${GOLDEN} "${out}")
  message(STATUS "wrote ${GOLDEN}")
  return()
endif()
file(READ ${GOLDEN} want)
if(NOT out STREQUAL want)
  file(WRITE ${GOLDEN}.actual "${out}")
  message(FATAL_ERROR "output differs from ${GOLDEN} (actual output in ${GOLDEN}.actual; run with SW_UPDATE_GOLDEN=1 to accept)")
endif()
