// The site's link graph: every link and image of every page checked against what the build publishes.
#include "content/link_check.h"

#include <deque>
#include <unordered_map>

#include <fmt/format.h>

#include "content/languages.h"
#include "content/site_files.h"
#include "core/text.h"
#include "git/repository.h"
#include "markdown/document.h"
#include "markdown/urls.h"

namespace herald {
namespace {

/// RFC 3986's remove_dot_segments, on an absolute path: `..` above the top
/// stays at the top, as a browser does.
std::string remove_dot_segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::string_view rest = path.substr(1);
  while (true) {
    size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    bool last = slash == std::string_view::npos;
    if (segment == "." || segment == "..") {
      if (segment == ".." && !out.empty()) out.pop_back();
      if (last) out.emplace_back();  // a folder: its trailing slash stays
    } else {
      out.push_back(segment);
    }
    if (last) break;
    rest.remove_prefix(slash + 1);
  }
  std::string joined = "/";
  for (size_t i = 0; i < out.size(); ++i) {
    if (i) joined += '/';
    joined += out[i];
  }
  return joined;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// %XX escapes decoded (a malformed one is kept as written).
std::string percent_decoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

/// resolve_site_link with the path and fragment as views, of the link
/// itself when it can be used as written, else of `buffers` (reused for
/// every link: no allocation for most). False when `link` is another site's.
struct LinkBuffers {
  std::string path, fragment;
};
bool resolve_into(std::string_view page_url, std::string_view link, LinkBuffers& buffers, std::string_view& path,
                  std::string_view& fragment) {
  // Every link was checked against the allow-list when its page was parsed:
  // most are told apart by their first characters, without reading them whole.
  bool site_path = !link.empty() && link[0] == '/' && (link.size() == 1 || (link[1] != '/' && link[1] != '\\'));
  if (!site_path) {
    auto starts = [link](std::string_view scheme) {
      return link.size() > scheme.size() &&
             std::equal(scheme.begin(), scheme.end(), link.begin(),
                        [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b + 32 : b); });
    };
    if (starts("https:") || starts("http:") || starts("mailto:") || starts("tel:")) return false;
    if (!is_relative_url(link)) return false;
  }
  size_t hash = link.find('#');
  std::string_view target = link.substr(0, hash);
  fragment = hash == std::string_view::npos ? std::string_view() : link.substr(hash + 1);
  target = target.substr(0, target.find('?'));
  // Decoded, or dot segments removed, only when it has any (a dot after a
  // slash is looked for dot by dot: paths have many slashes, few dots).
  bool plain = target.find('%') == std::string_view::npos;
  for (size_t dot = target.find('.'); plain && dot != std::string_view::npos; dot = target.find('.', dot + 1))
    if (dot == 0 || target[dot - 1] == '/') plain = false;
  if (plain && !target.empty() && target[0] == '/') {
    path = target;
  } else {
    std::string& built = buffers.path;
    if (target.empty()) {
      built.assign(page_url);
    } else if (target[0] == '/') {
      built.assign(target);
    } else {
      built.assign(page_url.substr(0, page_url.rfind('/') + 1));
      built.append(target);
    }
    if (built.empty() || built[0] != '/') built.insert(0, "/");
    if (!plain) built = percent_decoded(remove_dot_segments(built));
    path = built;
  }
  if (fragment.find('%') != std::string_view::npos) {
    buffers.fragment = percent_decoded(fragment);
    fragment = buffers.fragment;
  }
  return true;
}

/// What is at an address of the output.
struct Target {
  enum class What { page, pdf, file, bundle_file, herald, alias } what = What::file;
  const Page* page = nullptr;  ///< the page (or the PDF's, the bundle's, the alias's)
};

/// Every address a build can write, with what is there; whether a page is
/// published is asked at the time of the page that links to it. An address
/// is kept as an output path without its leading '/', a folder's with its
/// trailing '/' ("briefings/sudi/") and a file's as it is ("feed.xml"): the
/// keys are views of the library's strings where there are some, as a large
/// site has tens of thousands of addresses, looked up on every build.
class Addresses {
 public:
  Addresses(const Library& lib, const std::vector<SourceFile>& files, bool drafts) : lib_(lib), drafts_(drafts) {
    targets_.reserve(lib.pages.size() * 2 + lib.static_files.size());
    bool withheld_bundles = false;
    for (const Page& p : lib.pages) {
      targets_.emplace(std::string_view(p.url).substr(1), Target{Target::What::page, &p});
      if (p.pdf && !p.slug.empty()) add(pdf_output_path(p), {Target::What::pdf, &p});
      if (p.published)
        for (const std::string& alias : p.aliases) add(alias_output_path(alias), {Target::What::alias, &p});
      withheld_bundles = withheld_bundles || (!p.bundle_dir.empty() && !p.published);
    }
    for (const StaticFile& f : lib.static_files) targets_.emplace(f.output_path, Target{Target::What::file, nullptr});
    list_herald_files(lib, [&](std::string path, std::string) { add(std::move(path), {Target::What::herald, nullptr}); });
    if (withheld_bundles) add_withheld_bundles(files);
  }

  /// What is at the site path `path` (absolute), or null. A folder's
  /// address without its slash is the folder (a web server sends the
  /// browser there).
  const Target* find(std::string_view path) const {
    std::string_view key = path.substr(1);
    if (auto it = targets_.find(key); it != targets_.end()) return &it->second;
    if (!key.empty() && key.back() != '/') {
      folder_.assign(key);
      folder_ += '/';
      if (auto it = targets_.find(folder_); it != targets_.end()) return &it->second;
    }
    return nullptr;
  }

  /// Why `page` is not published at `when` ("" when it is).
  std::string withheld(const Page& page, int64_t when) const {
    if (page.kind == Kind::home || page.kind == Kind::section) return "";
    return withheld_reason(page.draft, page.date, page.expires, when, drafts_);
  }

  /// The page whose source is at the repository path `source`, or null.
  const Page* page_of_source(std::string_view source) const {
    for (const Page& p : lib_.pages)  // only for a link that leads nowhere
      if (p.source_path == source) return &p;
    return nullptr;
  }

  /// The published address nearest to `path` (a typing mistake or two
  /// away), or "". Only for a link that leads nowhere.
  std::string nearest(const std::string& path) const {
    std::string best;
    size_t best_distance = std::max<size_t>(2, path.size() / 10) + 1;
    auto consider = [&](std::string_view key) {
      std::string candidate = "/" + std::string(key);
      size_t gap = path.size() > candidate.size() ? path.size() - candidate.size() : candidate.size() - path.size();
      if (gap >= best_distance) return;
      if (size_t d = edit_distance(path, candidate); d < best_distance) {
        best_distance = d;
        best = std::move(candidate);
      }
    };
    for (const auto& [key, target] : targets_) {
      bool shown = target.what == Target::What::file || target.what == Target::What::herald ||
                   (target.what == Target::What::page && target.page->published &&
                    target.page->kind != Kind::home && target.page->kind != Kind::section);
      if (shown) consider(key);
    }
    return best;
  }

  const Library& library() const { return lib_; }

 private:
  /// A path made here: kept, so that its key can be a view of it. A page's
  /// index.html is kept as its folder.
  void add(std::string path, Target target) {
    if (ends_with(path, "/index.html")) path.resize(path.size() - 10);
    if (path == "index.html") path.clear();
    const std::string& kept = owned_.emplace_back(std::move(path));
    targets_.emplace(kept, target);
  }

  /// The files of the bundles not published now (those published are among
  /// the static files): published with their page, when it is.
  void add_withheld_bundles(const std::vector<SourceFile>& files) {
    std::unordered_map<std::string_view, const Page*> bundles;  // bundle folder -> its page
    for (const Page& p : lib_.pages)
      if (!p.bundle_dir.empty() && !p.published) bundles.emplace(p.bundle_dir, &p);
    for (const SourceFile& f : files) {
      if (!starts_with(f.path, "content/") || ends_with(f.path, ".md")) continue;
      for (size_t slash = f.path.rfind('/'); slash != std::string::npos && slash > 8;
           slash = f.path.rfind('/', slash - 1)) {
        auto it = bundles.find(std::string_view(f.path).substr(0, slash + 1));
        if (it == bundles.end()) continue;
        add(it->second->url.substr(1) + f.path.substr(slash + 1), {Target::What::bundle_file, it->second});
        break;
      }
    }
  }

  const Library& lib_;
  bool drafts_;
  std::deque<std::string> owned_;
  std::unordered_map<std::string_view, Target> targets_;
  mutable std::string folder_;  ///< find()'s key with a slash added, made once
};

/// The anchors a link may name on `page`: its headings', its briefing
/// sections', the theme's skip link, and `top`, which browsers know.
bool has_anchor(const Page& page, std::string_view fragment) {
  if (fragment == "top" || fragment == "main-content") return true;
  for (const BriefingSection& s : page.sections)
    if (s.anchor == fragment) return true;
  if (page.doc)
    for (const Heading& h : page.doc->headings())
      if (h.anchor == fragment) return true;
  return false;
}

std::vector<std::string> anchors_of(const Page& page) {
  std::vector<std::string> out;
  for (const BriefingSection& s : page.sections) out.push_back(s.anchor);
  if (page.doc)
    for (const Heading& h : page.doc->headings()) out.push_back(h.anchor);
  return out;
}

std::string describe_withheld(const Page& target, const std::string& why, const Page& from) {
  if (why == "draft")
    return fmt::format("that page is a draft ({}), so it is not published", target.source_path);
  if (why == "scheduled") {
    std::string date = target.date ? format_human_date(*target.date) : "a later date";
    if (from.published)
      return fmt::format("that page is scheduled for {} ({}), so it is not published yet", date,
                         target.source_path);
    return fmt::format("that page is scheduled for {} ({}), after this page's date, {}", date, target.source_path,
                       from.date ? format_human_date(*from.date) : "");
  }
  std::string date = target.expires ? format_human_date(*target.expires) : "an earlier date";
  return fmt::format("that page expired on {} ({}), so it is no longer published", date, target.source_path);
}

/// Checks the links of one page, published at `when`.
/// Is the link as it should be? (Most are: no message is made for them.)
bool link_leads_somewhere(const Addresses& site, const Page& page, const Target* target, int64_t when,
                          std::string_view fragment) {
  if (!target) return false;
  if (target->page && target->what != Target::What::alias && !site.withheld(*target->page, when).empty())
    return false;
  if (fragment.empty()) return true;
  if (target->what == Target::What::page && target->page->kind != Kind::home &&
      target->page->kind != Kind::section)
    return has_anchor(*target->page, fragment);
  if (target->what == Target::What::herald && page.url != "/contacts/") return true;
  return true;
}

void check_page(const Addresses& site, const Page& page, int64_t when, LinkBuffers& buffers, Diagnostics& diags) {
  const Library& lib = site.library();
  for (const LinkUse& link : page.links) {
    std::string_view path_view, fragment;
    if (!resolve_into(page.url, link.url, buffers, path_view, fragment))
      continue;  // another site's address: checked by `herald check --external`
    const Target* target = site.find(path_view);
    bool contacts = target && target->what == Target::What::herald && path_view == "/contacts/" && !fragment.empty();
    if (!contacts && link_leads_somewhere(site, page, target, when, fragment)) continue;
    const std::string path_text(path_view);
    const std::string* path = &path_text;
    SourceLocation where{page.source_path, link.line, link.column};
    const char* noun = link.image ? "image" : "link to";
    const std::string& shown = link.url;
    // A relative address is shown with what it resolves to.
    std::string resolved = link.url.empty() || link.url[0] == '/' || link.url[0] == '#'
                               ? std::string()
                               : fmt::format(" (that is {})", *path);
    if (!target && names_default_language_page(lib, path_view.substr(1)))
      continue;  // a page of the default language not yet translated: the link leads to it
    if (!target) {
      // Written as the source file's path, as on an author's disk.
      std::string source = remove_dot_segments("/" + page.source_path.substr(0, page.source_path.rfind('/') + 1) +
                                               percent_decoded(link.url.substr(0, link.url.find_first_of("?#"))))
                               .substr(1);
      const Page* by_source = ends_with(source, ".md") ? site.page_of_source(source) : nullptr;
      if (!by_source && ends_with(*path, ".md")) by_source = site.page_of_source("content" + *path);
      if (by_source) {
        diags.error(where, fmt::format("{} '{}' names a file of the repository, not an address of the site: "
                                       "write {}",
                                       noun, shown, by_source->url));
        continue;
      }
      std::string nearest = site.nearest(*path);
      diags.error(where, fmt::format("{} '{}'{}: the site has no such {}{}", noun, shown, resolved,
                                     link.image ? "file" : "page or file",
                                     nearest.empty() ? "" : fmt::format(" (did you mean {}?)", nearest)));
      continue;
    }
    const Page* linked = target->page;
    if (linked && target->what != Target::What::alias) {
      if (std::string why = site.withheld(*linked, when); !why.empty()) {
        const char* whose = target->what == Target::What::pdf           ? "that is the print PDF of a page, and "
                            : target->what == Target::What::bundle_file ? "that file is in the bundle of a page, and "
                                                                        : "";
        diags.error(where, fmt::format("{} '{}'{}: {}{}", noun, shown, resolved, whose,
                                       describe_withheld(*linked, why, page)));
        continue;
      }
    }
    if (fragment.empty()) continue;
    if (target->what == Target::What::page && linked->kind != Kind::home && linked->kind != Kind::section &&
        !has_anchor(*linked, fragment)) {
      std::string nearest = closest_match(fragment, anchors_of(*linked));
      diags.error(where, fmt::format("{} '{}': {} has no heading with the anchor '#{}'{}", noun, shown,
                                     linked == &page ? "this page" : "that page", fragment,
                                     nearest.empty() ? "" : fmt::format(" (did you mean #{}?)", nearest)));
    } else if (target->what == Target::What::herald && *path == "/contacts/" && lib.contacts &&
               !lib.contacts->find(fragment)) {
      std::vector<std::string> ids;
      for (const Contact& c : lib.contacts->contacts()) ids.push_back(c.id);
      std::string nearest = closest_match(fragment, ids);
      diags.error(where, fmt::format("{} '{}': the contact directory has no contact '{}'{}", noun, shown, fragment,
                                     nearest.empty() ? "" : fmt::format(" (did you mean #{}?)", nearest)));
    }
  }
}

}  // namespace

std::optional<std::string> resolve_site_link(std::string_view page_url, std::string_view link, std::string* fragment) {
  LinkBuffers buffers;
  std::string_view path, wanted;
  if (!resolve_into(page_url, link, buffers, path, wanted)) return std::nullopt;
  if (fragment) fragment->assign(wanted);
  return std::string(path);
}

void check_links(const Library& lib, const std::vector<SourceFile>& files, bool drafts, Diagnostics& diags) {
  Addresses site(lib, files, drafts);
  LinkBuffers buffers;
  for (const Page& page : lib.pages) {
    if (page.links.empty()) continue;
    // A page published now is checked against the site now; one scheduled,
    // against the site on its date (a link to a page published before it is
    // fine); a draft or an expired page is not published, and not checked.
    int64_t when = lib.now;
    if (!page.published) {
      if (page.withheld_reason != "scheduled" || !page.date) continue;
      when = page.date->utc_seconds;
    }
    check_page(site, page, when, buffers, diags);
  }
}

}  // namespace herald
