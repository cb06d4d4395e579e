// `herald check --external`: the http(s) links of a checked site, asked for (or from the day's results).
#include "commands/check_external.h"

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "content/contacts.h"
#include "content/languages.h"
#include "external/external_links.h"
#include "external/network_module.h"

namespace herald {

bool check_external(const BuildResult& result, int64_t now, Diagnostics& diags) {
  if (!result.library) return true;
  const Library& lib = *result.library;
  std::vector<ExternalLinkUse> uses;
  // Every language's pages: a Welsh page's links are the Welsh library's.
  for (const Library* language : language_libraries(lib))
    for (const Page& page : language->pages) {
      if (!page.published && page.withheld_reason != "scheduled") continue;
      for (const LinkUse& link : page.links) uses.push_back({link.url, {page.source_path, link.line, link.column}});
    }
  for (const MenuSetting* menu : {&lib.config.menu.main, &lib.config.menu.footer})
    for (const MenuEntry& entry : menu->entries)
      if (!entry.url.empty()) uses.push_back({entry.url, entry.at});
  if (lib.contacts)
    for (const Contact& c : lib.contacts->contacts())
      if (!c.url.empty()) uses.push_back({c.url, c.url_at});
  const NetworkModule* module = nullptr;
  try {
    module = &network_module();
  } catch (const std::exception& e) {
    diags.error({}, e.what());
    return false;
  }
  std::error_code ec;
  std::filesystem::create_directories(result.cache_dir, ec);
  UrlCheckLimits limits;
  ExternalCheckSummary summary = check_external_links(
      uses, result.cache_dir + "/external-links", now,
      [&](const std::vector<std::string>& urls) { return module->check_urls(urls, limits); }, diags);
  std::fprintf(stderr, "herald: %zu links to other sites checked (%zu asked now, the rest from the last day's results): %zu lead nowhere\n",
               summary.urls, summary.asked, summary.failed);
  return true;
}

}  // namespace herald
