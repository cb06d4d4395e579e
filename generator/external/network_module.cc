// Loading the HTTP client's module on first use: herald-links.so, beside herald or in its installed lib/herald/.
#include "external/links_module.h"

#include <dlfcn.h>

#include <atomic>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "core/install_layout.h"

namespace herald {
namespace {

std::atomic<const LinksModule*> linked_module{nullptr};


const LinksModule* load(std::string* error) {
  std::string path = herald_file("herald-links.so");
  void* handle = path.empty() ? nullptr : ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);  // never closed
  if (!handle) {
    const char* why = ::dlerror();
    *error = fmt::format("herald's HTTP client could not be loaded ({}): install herald again (it belongs in {}/)",
                         why ? why : path, installed_files_dir());
    return nullptr;
  }
  auto entry = reinterpret_cast<const LinksModule* (*)()>(::dlsym(handle, "herald_links_module"));
  const LinksModule* module = entry ? entry() : nullptr;
  if (!module || std::strcmp(module->version, HERALD_VERSION) != 0) {
    *error = fmt::format("{} is not the HTTP client of this build of herald: install herald again", path);
    return nullptr;
  }
  return module;
}

}  // namespace

const LinksModule& links_module() {
  if (const LinksModule* module = linked_module.load()) return *module;
  static std::string error;
  static const LinksModule* loaded = load(&error);  // once, by the first thread to ask
  if (!loaded) throw std::runtime_error(error);
  return *loaded;
}

void use_linked_links_module(const LinksModule* module) { linked_module.store(module); }

}  // namespace herald
