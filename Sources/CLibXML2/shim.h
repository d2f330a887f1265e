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
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>

/* xmlFree is a mutable global function pointer, which Swift 6 refuses to read from
   concurrent code; this wrapper calls it from C. */
static inline void sablier_xmlFree(void *pointer) {
    xmlFree(pointer);
}

#endif
