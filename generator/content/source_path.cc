// Mapping repository paths to content kinds.
#include "content/source_path.h"

#include "core/text.h"

namespace herald {

static std::optional<ContentPath> classify_content_path_of(const std::string& path, std::string* problem);

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) {
      parts.push_back(path.substr(start));
      break;
    }
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

std::string strip_md(const std::string& name) {
  return ends_with(name, ".md") ? name.substr(0, name.size() - 3) : name;
}

}  // namespace

std::string file_language(const std::string& path) {
  if (!ends_with(path, ".md")) return "";
  std::string stem = path.substr(0, path.size() - 3);
  size_t dot = stem.rfind('.');
  if (dot == std::string::npos || stem.find('/', dot) != std::string::npos) return "";
  std::string code = stem.substr(dot + 1);
  if (code.size() < 2 || code.size() > 3) return "";
  for (char c : code)
    if (c < 'a' || c > 'z') return "";
  return code;
}

const std::vector<std::string>& content_sections() {
  static const std::vector<std::string> sections = {"newsletters", "briefings", "procedures", "reports",
                                                    "meetings",    "events",    "pages"};
  return sections;
}

std::optional<ContentPath> classify_content_path(const std::string& written, std::string* problem) {
  // `about.cy.md` is `about.md` in Welsh: classified as the name without its language.
  const std::string language = file_language(written);
  std::string path = written;
  if (!language.empty()) path = written.substr(0, written.size() - 4 - language.size()) + ".md";
  auto result = classify_content_path_of(path, problem);
  if (result) result->language = language;
  return result;
}

static std::optional<ContentPath> classify_content_path_of(const std::string& path, std::string* problem) {
  auto parts = split_path(path);
  auto fail = [&](const std::string& why) -> std::optional<ContentPath> {
    if (problem) *problem = why;
    return std::nullopt;
  };
  const std::string known =
      "content files belong in content/newsletters/, content/briefings/, "
      "content/procedures/<manual>/, content/reports/, content/meetings/<board>/, content/events/ or "
      "content/pages/";
  if (parts.size() < 2 || parts[0] != "content") return fail(known);
  ContentPath out;
  if (parts.size() == 2) {
    if (parts[1] == "_index.md") {
      out.kind = Kind::home;
      return out;
    }
    return fail(known);
  }
  const std::string& section = parts[1];
  bool is_section = false;
  for (const auto& s : content_sections()) is_section = is_section || s == section;
  if (!is_section) return fail("unknown section '" + section + "': " + known);

  if (section == "procedures") {
    if (parts.size() == 3) {
      if (parts[2] == "_index.md") {
        out.kind = Kind::section;
        out.section = section;
        return out;
      }
      return fail("a procedures chapter belongs in a manual's folder: content/procedures/<manual>/" +
                  parts[2]);
    }
    out.manual = parts[2];
    if (parts.size() == 4) {
      if (parts[3] == "_index.md") {
        out.kind = Kind::manual;
        out.slug = parts[2];
        return out;
      }
      out.kind = Kind::chapter;
      out.slug = strip_md(parts[3]);
      return out;
    }
    if (parts.size() == 5 && parts[4] == "index.md") {
      out.kind = Kind::chapter;
      out.slug = parts[3];
      out.bundle_dir = "content/procedures/" + parts[2] + "/" + parts[3] + "/";
      return out;
    }
    return fail("procedures are one level deep: content/procedures/<manual>/<chapter>.md");
  }

  if (section == "meetings") {
    if (parts.size() == 3) {
      if (parts[2] == "_index.md") {
        out.kind = Kind::section;
        out.section = section;
        return out;
      }
      return fail("a meeting belongs in its board's folder: content/meetings/<board>/<yyyy-mm-dd>.md");
    }
    out.manual = parts[2];
    if (parts.size() == 4) {
      if (parts[3] == "_index.md") {
        out.kind = Kind::board;
        out.slug = parts[2];
        return out;
      }
      out.kind = Kind::meeting;
      out.slug = strip_md(parts[3]);
      return out;
    }
    if (parts.size() == 5 && parts[4] == "index.md") {
      out.kind = Kind::meeting;
      out.slug = parts[3];
      out.bundle_dir = "content/meetings/" + parts[2] + "/" + parts[3] + "/";
      return out;
    }
    return fail("meetings are one level deep: content/meetings/<board>/<yyyy-mm-dd>.md, or "
                "content/meetings/<board>/<yyyy-mm-dd>/index.md with its papers");
  }

  Kind kind = section == "newsletters" ? Kind::newsletter
            : section == "briefings"   ? Kind::briefing
            : section == "events"      ? Kind::event
            : section == "reports"     ? Kind::report
                                       : Kind::page;
  if (parts.size() == 3) {
    if (parts[2] == "_index.md") {
      if (section == "pages") return fail("content/pages/ has no list page, so _index.md is not used");
      out.kind = Kind::section;
      out.section = section;
      return out;
    }
    out.kind = kind;
    out.slug = strip_md(parts[2]);
    return out;
  }
  if (parts.size() == 4 && parts[3] == "index.md") {
    out.kind = kind;
    out.slug = parts[2];
    out.bundle_dir = "content/" + section + "/" + parts[2] + "/";
    return out;
  }
  return fail("a page's own files sit beside an index.md: content/" + section +
              "/<slug>/index.md");
}

std::string bundle_of(const std::string& path) {
  auto parts = split_path(path);
  if (parts.size() < 4 || parts[0] != "content") return "";
  if (parts[1] == "procedures" || parts[1] == "meetings") {
    if (parts.size() < 5) return "";
    return "content/" + parts[1] + "/" + parts[2] + "/" + parts[3] + "/";
  }
  return "content/" + parts[1] + "/" + parts[2] + "/";
}

}  // namespace herald
