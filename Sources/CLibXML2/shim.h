#ifndef SABLIER_CLIBXML2_SHIM_H
#define SABLIER_CLIBXML2_SHIM_H

/* Foundation ships its own ICU headers; libxml2's <libxml/encoding.h> would pull in the
   system ICU ones and the two clash ("UErrorCode has different definitions in different
   modules") on a clean build. Sablier never needs libxml2's ICU converters. */
#include <libxml/xmlversion.h>
#ifdef LIBXML_ICU_ENABLED
#undef LIBXML_ICU_ENABLED
#endif

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>

/* xmlFree is a mutable global function pointer, which Swift 6 refuses to read from
   concurrent code; this wrapper calls it from C. */
static inline void sablier_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/* libxml2 prints some errors itself, through its global generic channel, when no parser or
   validation context is at hand (encoding conversion failures, writer and memory errors).
   Sablier collects errors per call through structured handlers on its own contexts; these
   global channels only have to print nothing, and nothing is collected through them.
   A generic error function is variadic, which Swift cannot define, so the no-op lives here. */
static inline void sablier_silentGenericError(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/* Silences the global channels for the calling thread and, as defaults, for threads whose
   libxml2 state is created later. Called once, at initialisation. */
static inline void sablier_silenceGlobalErrors(void) {
    xmlThrDefSetGenericErrorFunc(NULL, sablier_silentGenericError);
    xmlThrDefSetStructuredErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(NULL, sablier_silentGenericError);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

/* Silences the global channels for the calling thread only; cheap, called before each use
   because libxml2 keeps them per thread. */
static inline void sablier_silenceThreadErrors(void) {
    xmlSetGenericErrorFunc(NULL, sablier_silentGenericError);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

#endif
