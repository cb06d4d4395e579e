// The libqpdf pass that completes cairo's tagged PDF for PDF/UA-1 and makes it reproducible.
#pragma once

#include <string>

#include "output/pdf/pdf_document.h"

namespace herald::pdf {

/// Adds what cairo 1.16 does not write: /Lang, the XMP packet (dc:title,
/// pdfuaid:part), DisplayDocTitle, /Tabs /S on every page, /Alt on figures,
/// /Contents on link annotations, /Scope on table headers, dates with their
/// offset, and /Artifact marks around every untagged piece of page content.
/// Writes PDF 1.7 with a deterministic /ID. Throws std::runtime_error (or a
/// qpdf exception) when the input cannot be read.
std::string postprocess_pdf(const std::string& cairo_pdf, const PdfMetadata& metadata, const TagNotes& notes);

/// Wraps every run of content-stream operators that lies outside marked
/// content in `/Artifact BMC ... EMC`; exposed for tests.
std::string mark_untagged_as_artifacts(const std::string& content);

/// `D:20240320100000+01'00'` for a UTC instant shown at an offset.
std::string pdf_date(int64_t utc_seconds, int offset_seconds);

}  // namespace herald::pdf
