// The print PDFs' drawing, a module of its own: herald-pdf.so, beside herald or in lib/herald/.
#pragma once

#include <cstddef>
#include <string>

#include "output/pdf/file_index.h"

namespace herald {

class Diagnostics;
struct Library;
struct Page;

/// What the module gives herald. Drawing needs Pango, Cairo and qpdf, which
/// (with the forty libraries they bring) take about 7 ms to load and link
/// when a process starts: herald loads them with the module the first time a
/// build draws a PDF, not on every build. Module and herald are built
/// together from the same sources, so C++ types cross between them; the
/// version and the sizes below catch a module left from another build.
struct PdfModule {
  const char* version;
  size_t library_size, page_size, diagnostics_size;
  /// Renders the print PDF of one page (see render_page_pdf).
  std::string (*render_page_pdf)(const Library& library, const Page& page, const pdf::FileIndex& files,
                                 Diagnostics& diags, size_t* warned);
};

/// The file the module is in: herald-pdf.so beside herald's executable (in
/// a build folder), else the one in installed_files_dir() (an installed
/// herald: /usr/lib/herald/ for /usr/bin/herald) when only that exists ("" when
/// the executable cannot be found).
std::string pdf_module_path();

/// The module, loaded on first use: the one given to use_linked_pdf_module,
/// else the one at pdf_module_path(). Throws std::runtime_error, saying why,
/// when it cannot be loaded or is not of this build.
const PdfModule& pdf_module();

/// For a program with the drawing linked in (the tests): use it, and load
/// no module.
void use_linked_pdf_module(const PdfModule* module);

}  // namespace herald

/// The module's entry point (C linkage, for dlsym): its functions.
extern "C" const herald::PdfModule* herald_pdf_module();
