// Loading the network client's module on first use: herald-network.so, beside herald or in its installed lib/herald/.
#include "external/network_module.h"

#include <dlfcn.h>

#include <atomic>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "core/install_layout.h"

namespace herald {
namespace {

std::atomic<const NetworkModule*> linked_module{nullptr};


const NetworkModule* load(std::string* error) {
  std::string path = herald_file("herald-network.so");
  void* handle = path.empty() ? nullptr : ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);  // never closed
  if (!handle) {
    const char* why = ::dlerror();
    *error = fmt::format("herald's network client could not be loaded ({}): install herald again (it belongs in {}/)",
                         why ? why : path, installed_files_dir());
    return nullptr;
  }
  auto entry = reinterpret_cast<const NetworkModule* (*)()>(::dlsym(handle, "herald_network_module"));
  const NetworkModule* module = entry ? entry() : nullptr;
  if (!module || std::strcmp(module->version, HERALD_VERSION) != 0) {
    *error = fmt::format("{} is not the network client of this build of herald: install herald again", path);
    return nullptr;
  }
  return module;
}

}  // namespace

const NetworkModule& network_module() {
  if (const NetworkModule* module = linked_module.load()) return *module;
  static std::string error;
  static const NetworkModule* loaded = load(&error);  // once, by the first thread to ask
  if (!loaded) throw std::runtime_error(error);
  return *loaded;
}

void use_linked_network_module(const NetworkModule* module) { linked_module.store(module); }

}  // namespace herald
