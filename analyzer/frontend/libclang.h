/*
 * libclang, loaded when the first file is parsed.
 *
 * Loading libclang and LLVM costs about 20 ms of relocations, more than
 * everything else a warm run does (everything cached, nothing parsed) on
 * a small project.  So syncwise does not link libclang: the front end
 * (extract.c, the only user) calls it through a table of function pointers
 * that libclang_load() fills with dlopen() and dlsym() from the library
 * found at configure time (SW_LIBCLANG_PATH).  Including this header after
 * <clang-c/Index.h> turns every clang_X(...) call into a call through the
 * table, so the front end reads as plain libclang code.  The environment
 * variable SYNCWISE_LIBCLANG, when set, names the library to load instead.
 *
 * The facts cache needs to know which libclang made its entries without
 * loading it: libclang_identity() names the library file with its size and
 * modification time, which change when the package is upgraded.
 */
#ifndef SW_LIBCLANG_H
#define SW_LIBCLANG_H

#include <clang-c/Index.h>

#if CINDEX_VERSION_MINOR >= 64
#define SW_HAVE_OPERATOR_KIND 1
#define SW_LIBCLANG_NEW_FUNCTIONS(X)                                           \
    X(getCursorBinaryOperatorKind)                                             \
    X(getCursorUnaryOperatorKind)
#else
#define SW_LIBCLANG_NEW_FUNCTIONS(X)
#endif

/* Every libclang function syncwise calls. */
#define SW_LIBCLANG_FUNCTIONS(X)                                               \
    X(Cursor_Evaluate)                                                         \
    X(Cursor_getArgument)                                                      \
    X(Cursor_getNumArguments)                                                  \
    X(Cursor_getStorageClass)                                                  \
    X(Cursor_isNull)                                                           \
    X(EvalResult_dispose)                                                      \
    X(EvalResult_getAsLongLong)                                                \
    X(EvalResult_getKind)                                                      \
    X(File_isEqual)                                                            \
    X(File_tryGetRealPathName)                                                 \
    X(Location_isInSystemHeader)                                               \
    X(Type_visitFields)                                                        \
    X(createIndex)                                                             \
    X(disposeDiagnostic)                                                       \
    X(disposeIndex)                                                            \
    X(disposeString)                                                           \
    X(disposeTokens)                                                           \
    X(disposeTranslationUnit)                                                  \
    X(equalCursors)                                                            \
    X(equalRanges)                                                             \
    X(equalTypes)                                                              \
    X(getArrayElementType)                                                     \
    X(getCString)                                                              \
    X(getCanonicalType)                                                        \
    X(getClangVersion)                                                         \
    X(getCursorExtent)                                                         \
    X(getCursorKind)                                                           \
    X(getCursorLinkage)                                                        \
    X(getCursorLocation)                                                       \
    X(getCursorReferenced)                                                     \
    X(getCursorSemanticParent)                                                 \
    X(getCursorSpelling)                                                       \
    X(getCursorTLSKind)                                                        \
    X(getCursorType)                                                           \
    X(getCursorUSR)                                                            \
    X(getDiagnostic)                                                           \
    X(getDiagnosticLocation)                                                   \
    X(getDiagnosticSeverity)                                                   \
    X(getDiagnosticSpelling)                                                   \
    X(getEnumConstantDeclValue)                                                \
    X(getExpansionLocation)                                                    \
    X(getFileContents)                                                         \
    X(getFileLocation)                                                         \
    X(getFileName)                                                             \
    X(getFileTime)                                                             \
    X(getInclusions)                                                           \
    X(getLocation)                                                             \
    X(getLocationForOffset)                                                    \
    X(getNullCursor)                                                           \
    X(getNumArgTypes)                                                          \
    X(getNumDiagnostics)                                                       \
    X(getPointeeType)                                                          \
    X(getRange)                                                                \
    X(getRangeEnd)                                                             \
    X(getRangeStart)                                                           \
    X(getSpellingLocation)                                                     \
    X(getTokenKind)                                                            \
    X(getTokenLocation)                                                        \
    X(getTokenSpelling)                                                        \
    X(getTranslationUnitCursor)                                                \
    X(getTypeSpelling)                                                         \
    X(isAttribute)                                                             \
    X(isConstQualifiedType)                                                    \
    X(isCursorDefinition)                                                      \
    X(isDeclaration)                                                           \
    X(isExpression)                                                            \
    X(isFunctionTypeVariadic)                                                  \
    X(isInvalid)                                                               \
    X(isStatement)                                                             \
    X(parseTranslationUnit2)                                                   \
    X(tokenize)                                                                \
    X(visitChildren)                                                           \
    SW_LIBCLANG_NEW_FUNCTIONS(X)

struct sw_libclang {
#define X(name) __typeof__(clang_##name) *name;
    SW_LIBCLANG_FUNCTIONS(X)
#undef X
};

/* Filled by libclang_load(); only valid after it returned 0. */
extern struct sw_libclang sw_libclang;

/*
 * Loads libclang once per process (thread-safe).  Returns 0, or -1 with
 * *err (static, for the whole process) saying what failed.
 */
int libclang_load(const char **err);

/*
 * The library that libclang_load() loads, as "PATH SIZE MTIME", without
 * loading it (for the cache key).  Caller frees.
 */
char *libclang_identity(void);

#ifndef SW_LIBCLANG_IMPL
/* From here on clang_X(...) goes through the table. */
#define clang_Cursor_Evaluate (sw_libclang.Cursor_Evaluate)
#define clang_Cursor_getArgument (sw_libclang.Cursor_getArgument)
#define clang_Cursor_getNumArguments (sw_libclang.Cursor_getNumArguments)
#define clang_Cursor_getStorageClass (sw_libclang.Cursor_getStorageClass)
#define clang_Cursor_isNull (sw_libclang.Cursor_isNull)
#define clang_EvalResult_dispose (sw_libclang.EvalResult_dispose)
#define clang_EvalResult_getAsLongLong (sw_libclang.EvalResult_getAsLongLong)
#define clang_EvalResult_getKind (sw_libclang.EvalResult_getKind)
#define clang_File_isEqual (sw_libclang.File_isEqual)
#define clang_File_tryGetRealPathName (sw_libclang.File_tryGetRealPathName)
#define clang_Location_isInSystemHeader (sw_libclang.Location_isInSystemHeader)
#define clang_Type_visitFields (sw_libclang.Type_visitFields)
#define clang_createIndex (sw_libclang.createIndex)
#define clang_disposeDiagnostic (sw_libclang.disposeDiagnostic)
#define clang_disposeIndex (sw_libclang.disposeIndex)
#define clang_disposeString (sw_libclang.disposeString)
#define clang_disposeTokens (sw_libclang.disposeTokens)
#define clang_disposeTranslationUnit (sw_libclang.disposeTranslationUnit)
#define clang_equalCursors (sw_libclang.equalCursors)
#define clang_equalRanges (sw_libclang.equalRanges)
#define clang_equalTypes (sw_libclang.equalTypes)
#define clang_getArrayElementType (sw_libclang.getArrayElementType)
#define clang_getCString (sw_libclang.getCString)
#define clang_getCanonicalType (sw_libclang.getCanonicalType)
#define clang_getClangVersion (sw_libclang.getClangVersion)
#define clang_getCursorExtent (sw_libclang.getCursorExtent)
#define clang_getCursorKind (sw_libclang.getCursorKind)
#define clang_getCursorLinkage (sw_libclang.getCursorLinkage)
#define clang_getCursorLocation (sw_libclang.getCursorLocation)
#define clang_getCursorReferenced (sw_libclang.getCursorReferenced)
#define clang_getCursorSemanticParent (sw_libclang.getCursorSemanticParent)
#define clang_getCursorSpelling (sw_libclang.getCursorSpelling)
#define clang_getCursorTLSKind (sw_libclang.getCursorTLSKind)
#define clang_getCursorType (sw_libclang.getCursorType)
#define clang_getCursorUSR (sw_libclang.getCursorUSR)
#define clang_getDiagnostic (sw_libclang.getDiagnostic)
#define clang_getDiagnosticLocation (sw_libclang.getDiagnosticLocation)
#define clang_getDiagnosticSeverity (sw_libclang.getDiagnosticSeverity)
#define clang_getDiagnosticSpelling (sw_libclang.getDiagnosticSpelling)
#define clang_getEnumConstantDeclValue (sw_libclang.getEnumConstantDeclValue)
#define clang_getExpansionLocation (sw_libclang.getExpansionLocation)
#define clang_getFileContents (sw_libclang.getFileContents)
#define clang_getFileLocation (sw_libclang.getFileLocation)
#define clang_getFileName (sw_libclang.getFileName)
#define clang_getFileTime (sw_libclang.getFileTime)
#define clang_getInclusions (sw_libclang.getInclusions)
#define clang_getLocation (sw_libclang.getLocation)
#define clang_getLocationForOffset (sw_libclang.getLocationForOffset)
#define clang_getNullCursor (sw_libclang.getNullCursor)
#define clang_getNumArgTypes (sw_libclang.getNumArgTypes)
#define clang_getNumDiagnostics (sw_libclang.getNumDiagnostics)
#define clang_getPointeeType (sw_libclang.getPointeeType)
#define clang_getRange (sw_libclang.getRange)
#define clang_getRangeEnd (sw_libclang.getRangeEnd)
#define clang_getRangeStart (sw_libclang.getRangeStart)
#define clang_getSpellingLocation (sw_libclang.getSpellingLocation)
#define clang_getTokenKind (sw_libclang.getTokenKind)
#define clang_getTokenLocation (sw_libclang.getTokenLocation)
#define clang_getTokenSpelling (sw_libclang.getTokenSpelling)
#define clang_getTranslationUnitCursor (sw_libclang.getTranslationUnitCursor)
#define clang_getTypeSpelling (sw_libclang.getTypeSpelling)
#define clang_isAttribute (sw_libclang.isAttribute)
#define clang_isConstQualifiedType (sw_libclang.isConstQualifiedType)
#define clang_isCursorDefinition (sw_libclang.isCursorDefinition)
#define clang_isDeclaration (sw_libclang.isDeclaration)
#define clang_isExpression (sw_libclang.isExpression)
#define clang_isFunctionTypeVariadic (sw_libclang.isFunctionTypeVariadic)
#define clang_isInvalid (sw_libclang.isInvalid)
#define clang_isStatement (sw_libclang.isStatement)
#define clang_parseTranslationUnit2 (sw_libclang.parseTranslationUnit2)
#define clang_tokenize (sw_libclang.tokenize)
#define clang_visitChildren (sw_libclang.visitChildren)
#ifdef SW_HAVE_OPERATOR_KIND
#define clang_getCursorBinaryOperatorKind                                      \
    (sw_libclang.getCursorBinaryOperatorKind)
#define clang_getCursorUnaryOperatorKind                                       \
    (sw_libclang.getCursorUnaryOperatorKind)
#endif
#endif

#endif
