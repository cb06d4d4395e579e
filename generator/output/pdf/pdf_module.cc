// Loading the print PDFs' module on first use: herald-pdf.so, beside herald or in its installed lib/herald/.
#include "output/pdf/pdf_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "content/library.h"
#include "core/diagnostic.h"
#include "core/install_layout.h"

namespace herald {
namespace {

std::atomic<const PdfModule*> linked_module{nullptr};

/// The module, or why not.
struct Loaded {
  const PdfModule* module = nullptr;
  std::string error;
};

Loaded load_module() {
  Loaded out;
  std::string path = pdf_module_path();
  if (path.empty()) {
    out.error = "herald's PDF module cannot be found: the folder herald runs from is unknown";
    return out;
  }
  // Never closed: its functions are used until herald exits.
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = ::dlerror();
    out.error = fmt::format(
        "herald's PDF module could not be loaded ({}): install herald again (the module belongs in {}/, "
        "or beside herald in a build of its own)",
        why ? why : path, installed_files_dir());
    return out;
  }
  auto entry = reinterpret_cast<const PdfModule* (*)()>(::dlsym(handle, "herald_pdf_module"));
  const PdfModule* module = entry ? entry() : nullptr;
  if (!module || std::strcmp(module->version, HERALD_VERSION) != 0 || module->library_size != sizeof(Library) ||
      module->page_size != sizeof(Page) || module->diagnostics_size != sizeof(Diagnostics)) {
    out.error = fmt::format("{} is not the PDF module of this build of herald: build herald again", path);
    return out;
  }
  out.module = module;
  return out;
}

}  // namespace

std::string pdf_module_path() { return herald_file("herald-pdf.so"); }

const PdfModule& pdf_module() {
  if (const PdfModule* module = linked_module.load()) return *module;
  static const Loaded loaded = load_module();  // once, by the first thread to ask
  if (!loaded.module) throw std::runtime_error(loaded.error);
  return *loaded.module;
}

void use_linked_pdf_module(const PdfModule* module) { linked_module.store(module); }

}  // namespace herald
