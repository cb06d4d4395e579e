// `herald check --external`: every http(s) link of the site requested, results kept a day.
#include "external/external_links.h"

#include <map>

#include <fmt/format.h>

#include "core/checked_file.h"
#include "core/text.h"

namespace herald {
namespace {

constexpr const char* kMagic = "herald-external-links 1";

/// A URL's result with when it was asked for.
struct Kept {
  int64_t checked = 0;
  UrlStatus status;
};

std::map<std::string, Kept> load(const std::string& file) {
  std::map<std::string, Kept> kept;
  std::optional<std::string> body = read_checked_file(file, kMagic, "");
  if (!body) return kept;
  std::vector<std::string_view> fields;
  for (std::string_view rest = *body; !rest.empty();) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    split_fields(line, fields);
    Kept k;
    if (fields.size() != 4 || !unescape_field(fields[2], &k.status.url) ||
        !unescape_field(fields[3], &k.status.error))
      continue;
    k.checked = std::strtoll(std::string(fields[0]).c_str(), nullptr, 10);
    k.status.status = std::strtol(std::string(fields[1]).c_str(), nullptr, 10);
    std::string url = k.status.url;
    kept[url] = std::move(k);
  }
  return kept;
}

void save(const std::string& file, const std::map<std::string, Kept>& kept) {
  std::string body;
  for (const auto& [url, k] : kept)
    body += fmt::format("{}\t{}\t{}\t{}\n", k.checked, k.status.status, escape_field(url),
                        escape_field(k.status.error));
  std::string ignored;
  write_checked_file(file, kMagic, "", body, &ignored);  // only a cache: the next check asks again
}

bool is_web_url(std::string_view url) {
  std::string lower = to_lower(url.substr(0, 8));
  return starts_with(lower, "http://") || starts_with(lower, "https://");
}

}  // namespace

std::string external_link_problem(const UrlStatus& status) {
  if (!status.error.empty())
    return fmt::format("the link to {} leads nowhere: {}", status.url, status.error);
  if (status.status >= 300 && status.status < 400)
    return fmt::format("the link to {} leads nowhere: the server sent it on more times than herald follows", status.url);
  const char* meaning = status.status == 404   ? " (not found)"
                        : status.status == 410 ? " (gone)"
                        : status.status == 401 ? " (a password is needed)"
                        : status.status == 403 ? " (forbidden)"
                        : status.status >= 500 ? " (the server failed)"
                                               : "";
  return fmt::format("the link to {} leads nowhere: the server answered {}{}", status.url, status.status, meaning);
}

ExternalCheckSummary check_external_links(const std::vector<ExternalLinkUse>& uses, const std::string& cache_file,
                                          int64_t now, const UrlAsker& ask, Diagnostics& diags) {
  ExternalCheckSummary summary;
  std::map<std::string, Kept> kept = load(cache_file);
  std::map<std::string, const UrlStatus*> result;
  std::vector<std::string> to_ask;
  for (const ExternalLinkUse& use : uses) {
    if (!is_web_url(use.url) || result.count(use.url)) continue;
    result[use.url] = nullptr;
    auto found = kept.find(use.url);
    if (found == kept.end() || found->second.checked > now || now - found->second.checked >= kExternalResultSeconds)
      to_ask.push_back(use.url);
  }
  summary.urls = result.size();
  summary.asked = to_ask.size();
  if (!to_ask.empty()) {
    std::vector<UrlStatus> asked = ask(to_ask);
    for (UrlStatus& status : asked) {
      std::string url = status.url;
      kept[url] = {now, std::move(status)};
    }
  }
  // Only the URLs the site uses now are kept.
  std::map<std::string, Kept> used;
  for (auto& [url, status] : result) {
    auto k = kept.find(url);
    if (k == kept.end()) continue;
    used[url] = k->second;
  }
  for (auto& [url, k] : used) {
    result[url] = &k.status;
    if (!k.status.ok()) ++summary.failed;
  }
  for (const ExternalLinkUse& use : uses) {
    auto r = result.find(use.url);
    if (r == result.end() || !r->second || r->second->ok()) continue;
    diags.warning(use.where, external_link_problem(*r->second));
  }
  save(cache_file, used);
  return summary;
}

}  // namespace herald
