// The fuzz targets: arbitrary bytes through herald's parsers, as the build pipeline calls them.
#include "fuzz_targets.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <set>

#include "config/config.h"
#include "content/briefing.h"
#include "content/contacts.h"
#include "content/front_matter.h"
#include "content/page.h"
#include "content/page_parser.h"
#include "content/retired_details.h"
#include "content/source_path.h"
#include "core/diagnostic.h"
#include "core/text.h"
#include "markdown/document.h"
#include "markdown/shortcodes.h"
#include "markdown/urls.h"

namespace herald::fuzz {
namespace {

/// A broken promise of the code under test: stops the run so that libFuzzer
/// (or the regression test) reports the input.
void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz target: %s\n", what);
  std::abort();
}

/// The example site's settings, parsed once.
const Config& site_config() {
  static const Config config = [] {
    Diagnostics diags;
    auto parsed = parse_config(
        "title: Northbrook Safeguarding Partnership\n"
        "base_url: https://safeguarding.northbrook.example/\n"
        "timezone: Europe/London\n"
        "briefings:\n"
        "  review_types:\n"
        "    cspr-thematic: \"Thematic child safeguarding practice review\"\n",
        "herald.yaml", diags);
    require(parsed.has_value(), "the fixed herald.yaml does not parse");
    return *parsed;
  }();
  return config;
}

/// A few contacts of the example site's directory, for the shortcodes.
const ContactDirectory& site_contacts() {
  static const ContactDirectory directory = [] {
    Diagnostics diags;
    auto parsed = ContactDirectory::parse(
        "- id: emergency\n"
        "  name: Emergency services\n"
        "  urgent: true\n"
        "  phones:\n"
        "    - number: \"999\"\n"
        "      label: If someone is in immediate danger\n"
        "- id: childrens-front-door\n"
        "  name: Children's Advice and Support Team\n"
        "  organisation: Northbrook Council\n"
        "  phones:\n"
        "    - number: \"0116 496 0000\"\n"
        "      hours: \"Mon–Thu 08:30–17:00\"\n"
        "  email: advice-team@northbrook.example\n"
        "  url: https://northbrook.example/advice\n"
        "  replaces: [\"0116 496 0123\", \"old-mash@northbrook.example\"]\n"
        "- id: mash-inbox\n"
        "  name: MASH <inbox> & \"partners\"\n"
        "  email: mash@northbrook.example\n",
        "data/contacts.yaml", site_config().zone(), diags);
    require(!diags.has_errors() && parsed.contacts().size() == 3, "the fixed contacts do not parse");
    return parsed;
  }();
  return directory;
}

/// Resolves shortcodes against site_contacts(), as the build pipeline does
/// against the site's directory.
const ShortcodeResolver& site_resolver() {
  static const ShortcodeResolver resolver{
      [](std::string_view name, std::string_view id, bool block) -> std::optional<std::string> {
        const ContactDirectory& directory = site_contacts();
        const Contact* c = directory.find(id);
        if (!c) return std::nullopt;
        if (name == "phone") {
          if (c->phones.empty()) return directory.contact_inline_html(*c);
          return directory.phone_html(*c);
        }
        return block ? directory.contact_card_html(*c) : directory.contact_inline_html(*c);
      },
      nullptr};
  return resolver;
}

/// Every diagnostic has a place a reader can find (1-based, or 0 for
/// unknown), and the report can be printed with its lines quoted.
void check_diagnostics(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.sorted()) {
    require(d.where.line >= 0 && d.where.column >= 0, "a diagnostic has a negative line or column");
    require(!d.message.empty(), "a diagnostic has no message");
  }
  (void)diags.format_all();
}

/// Raw HTML and URLs not allowed never reach the page. Only URL attributes
/// count: alt text or a title that reads "data:…" is escaped text, not a URL.
void check_safe_html(std::string_view html) {
  std::string lower = to_lower(html);
  for (std::string_view bad : {"<script", "<iframe", "<object", "<embed", "<style"})
    require(lower.find(bad) == std::string::npos, "unsafe HTML in a rendered body");
  // The inline elements allowed are written by herald, without attributes
  // but an abbr's title (and cmark's own footnote references, <sup
  // class="footnote-ref">); each one opened is closed.
  for (std::string_view name : {"sup", "sub", "kbd", "mark", "small", "s", "abbr"}) {
    std::string open = "<" + std::string(name), close = "</" + std::string(name) + ">";
    size_t opened = 0, closed = 0;
    for (size_t at = html.find(open); at != std::string_view::npos; at = html.find(open, at + 1)) {
      std::string_view rest = html.substr(at + open.size());
      if (rest.empty() || (rest[0] != '>' && rest[0] != ' ' && rest[0] != '/')) continue;  // <sup…> is not <s>
      ++opened;
      require(rest[0] == '>' || (name == "abbr" && rest.starts_with(" title=\"")) ||
                  (name == "sup" && rest.starts_with(" class=\"footnote-ref\">")),
              "an inline element with an attribute in a rendered body");
    }
    for (size_t at = html.find(close); at != std::string_view::npos; at = html.find(close, at + 1)) ++closed;
    require(opened == closed, "an inline element opened and not closed, or closed and not opened");
  }
  // Every link and image is one of the allow-list's (cmark writes `&` as
  // `&amp;`): the href and src of every tag, its attributes read as a
  // browser reads them (a title that reads ` src="` is no attribute).
  for (size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    size_t i = at + 1;
    if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;
    while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i]))) ++i;
    for (;;) {
      while (i < html.size() && (html[i] == ' ' || html[i] == '\n')) ++i;
      if (i >= html.size() || html[i] == '>' || html[i] == '/') break;
      size_t name_start = i;
      while (i < html.size() && html[i] != '=' && html[i] != ' ' && html[i] != '>' && html[i] != '\n') ++i;
      std::string_view name = html.substr(name_start, i - name_start);
      require(to_lower(name).rfind("on", 0) != 0, "an event handler in a rendered body");
      if (i >= html.size() || html[i] != '=') continue;
      require(i + 1 < html.size() && html[i + 1] == '"', "an attribute value without quotes");
      size_t end = html.find('"', i + 2);
      require(end != std::string_view::npos, "an attribute without its closing quote");
      std::string_view value = html.substr(i + 2, end - i - 2);
      if (name == "href") require(is_allowed_link_url(value), "a URL not allowed in a rendered body");
      if (name == "src") require(is_allowed_image_url(value), "a URL not allowed in a rendered body");
      i = end + 1;
    }
    at = i;
  }
}

/// A site path for every relative URL, as feeds and bundles map them.
std::string map_url(std::string_view url) { return "https://safeguarding.northbrook.example/x/" + std::string(url); }

void check_document(const Document& doc) {
  std::set<std::string> anchors;
  for (const Heading& h : doc.headings()) {
    require(h.level >= 1 && h.level <= 6, "a heading level outside 1 to 6");
    require(anchors.insert(h.anchor).second, "two headings have the same anchor");
  }
  check_safe_html(doc.html());
  std::function<std::string(std::string_view)> mapper = map_url;
  check_safe_html(doc.html_with_urls(mapper));
  std::string lead;
  for (const DocumentSection& s : doc.sections(2, &lead, &mapper)) check_safe_html(s.html);
  check_safe_html(lead);
  (void)doc.sections(3, nullptr);
  (void)doc.first_paragraph_text();
  (void)doc.word_count();
  // The tree as the PDF renderers walk it.
  cmark_iter* iter = cmark_iter_new(doc.root());
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    (void)doc.heading_at(node);
    (void)doc.shortcode_at(node);
  }
  cmark_iter_free(iter);
}

/// The repository path of a content file of each kind, with where it sits.
const std::vector<std::pair<std::string, ContentPath>>& kind_paths() {
  static const std::vector<std::pair<std::string, ContentPath>> paths = [] {
    std::vector<std::pair<std::string, ContentPath>> out;
    for (const char* path :
         {"content/_index.md", "content/newsletters/_index.md", "content/newsletters/fuzz.md",
          "content/briefings/fuzz.md", "content/procedures/children/_index.md",
          "content/procedures/children/fuzz.md", "content/events/fuzz.md", "content/pages/fuzz.md"}) {
      std::string problem;
      auto where = classify_content_path(path, &problem);
      require(where.has_value(), "a fixed content path is not classified");
      out.emplace_back(path, *where);
    }
    return out;
  }();
  return paths;
}

}  // namespace

void front_matter(std::string_view data) {
  const std::string path = "content/pages/fuzz.md";
  Diagnostics diags;
  auto split = split_front_matter(data, path, diags);
  if (split) {
    require(split->body.data() >= data.data() && split->body.data() + split->body.size() == data.data() + data.size(),
            "the body is not the end of the file");
    require(split->yaml.data() >= data.data() && split->yaml.data() + split->yaml.size() <= split->body.data(),
            "the front matter is not before the body");
    if (auto fm = FrontMatter::parse(*split, path, diags)) {
      for (const std::string& key : fm->keys()) {
        if (const YamlValue* node = fm->get(key)) (void)fm->location_of(*node);
        (void)fm->where(key);
        (void)fm->key_where(key);
      }
    }
    // Every kind reads its own fields from the front matter.
    std::string_view head = data.substr(0, data.size() - split->body.size());
    ParseContext context{&site_config(), &site_resolver()};
    for (const auto& [kind_path, where] : kind_paths()) {
      Diagnostics page_diags;
      (void)parse_page(kind_path, head, where, context, page_diags);
      check_diagnostics(page_diags);
    }
  }
  check_diagnostics(diags);
}

void markdown(std::string_view data) {
  // parse_page refuses a file that is not UTF-8 before its Markdown is read.
  if (!is_valid_utf8(data)) return;
  Diagnostics diags;
  MarkdownOptions options;
  options.path = "content/pages/fuzz.md";
  options.line_offset = 3;
  options.shortcodes = &site_resolver();
  options.base_url = site_config().base_url;
  diags.add_source(options.path, "---\ntitle: Fuzz\n---\n" + std::string(data));
  Document doc = Document::parse(data, options, diags);
  check_document(doc);
  for (const ShortcodeUse& use : doc.shortcodes())
    require(use.line > options.line_offset && use.column >= 1, "a shortcode outside the body");
  for (const ShortcodeMatch& match : find_shortcodes(data)) {
    require(match.offset + match.length <= data.size(), "a shortcode past the end of the text");
    (void)shortcode_text(match.name, match.id);
  }
  check_diagnostics(diags);
}

void contacts(std::string_view data) {
  Diagnostics diags;
  ContactDirectory directory =
      ContactDirectory::parse(data, "data/contacts.yaml", site_config().zone(), diags);
  std::set<std::string> ids;
  for (const Contact& c : directory.contacts()) {
    require(ids.insert(c.id).second, "two contacts have the same id");
    require(directory.find(c.id) == &c, "a contact is not found by its id");
    (void)directory.contact_card_html(c);
    (void)directory.contact_inline_html(c);
    (void)directory.phone_html(c);
  }
  (void)directory.urgent();
  // Retired details are searched for in every content file, whatever its bytes.
  RetiredDetails retired(directory);
  retired.scan(data, "content/pages/fuzz.md", diags);
  check_diagnostics(diags);
}

void config(std::string_view data) {
  Diagnostics diags;
  if (auto config = parse_config(data, "herald.yaml", diags)) {
    require(!config->base_url.empty() && config->base_url.back() == '/', "base_url does not end with '/'");
    require(config->zone().valid(), "an accepted timezone is not valid");
    require(contrast_ratio(config->brand_colour, "#ffffff").value_or(0) >= 4.5,
            "an accepted brand colour has too little contrast");
    (void)config->base_path();
    (void)config->host();
    (void)config->absolute_url("/briefings/");
    for (const auto& [key, name] : config->review_types) (void)config->review_type_name(key);
  }
  check_diagnostics(diags);
}

void briefing(std::string_view data) {
  Diagnostics diags;
  std::optional<Page> parsed;
  Page body_only;
  const Page* page = nullptr;
  if (starts_with(data, "---")) {
    // A whole file, as the pipeline reads content/briefings/*.md.
    std::string problem;
    auto where = classify_content_path("content/briefings/fuzz.md", &problem);
    require(where && where->kind == Kind::briefing, "the briefing path is not a briefing");
    ParseContext context{&site_config(), &site_resolver()};
    parsed = parse_page("content/briefings/fuzz.md", data, *where, context, diags);
    page = parsed ? &*parsed : nullptr;
  } else {
    // Only a body: the section rule on its own.
    if (!is_valid_utf8(data)) return;
    MarkdownOptions options;
    options.path = "content/briefings/fuzz.md";
    options.shortcodes = &site_resolver();
    body_only.kind = Kind::briefing;
    body_only.source_path = options.path;
    body_only.doc = std::make_shared<Document>(Document::parse(data, options, diags));
    body_only.word_count = body_only.doc->word_count();
    read_briefing_sections(body_only, diags);
    page = &body_only;
  }
  if (page) {
    int previous = 0;
    for (const BriefingSection& s : page->sections) {
      require(s.number >= 1 && s.number <= 7, "a briefing section numbered outside 1 to 7");
      require(s.number > previous, "briefing sections not in number order, or repeated");
      previous = s.number;
      check_safe_html(s.html);
    }
    require(page->reading_minutes >= 1, "a briefing reads in less than a minute");
  }
  for (const std::string& line : split_lines(data)) (void)parse_section_heading(line);
  check_diagnostics(diags);
}

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {
      {"front_matter", front_matter}, {"markdown", markdown}, {"contacts", contacts},
      {"config", config},             {"briefing", briefing},
  };
  return all;
}

}  // namespace herald::fuzz
