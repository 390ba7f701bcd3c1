# Runs `syncwise advise` on the multi-file example and compares its output
# with a golden file.  Set SW_UPDATE_GOLDEN=1 in the environment to rewrite.
execute_process(
  COMMAND ${SYNCWISE} advise -p . --format ${FORMAT} -j 2
  WORKING_DIRECTORY ${EXAMPLE}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "syncwise advise exited with ${rc}: ${err}")
endif()
if(err)
  message(FATAL_ERROR "unexpected stderr: ${err}")
endif()
string(REGEX REPLACE "\"version\":[ \t]*\"[^\"]*\"" "\"version\": \"VERSION\"" out "${out}")
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
