// A newsletter's email edition (spec §13): email.html, email.txt and <slug>.eml beside its page.
#include "output/email/email_edition.h"

#include <xxhash.h>

#include <fmt/format.h>

#include <algorithm>

#include "config/languages.h"
#include "content/languages.h"
#include "content/link_check.h"
#include "content/logo.h"
#include "core/display_language.h"
#include "core/text.h"
#include "markdown/document.h"
#include "output/email/email_html.h"
#include "output/email/email_style.h"
#include "output/email/email_text.h"
#include "templates/words.h"

namespace herald {
namespace {

/// The logo in the band of the site's name, when mail programs can show it
/// (PNG or JPEG: few show SVG): 40 pixels high, at most 240 wide.
void add_logo(const Library& lib, EmailParts& parts) {
  const StaticFile* logo = find_logo(lib);
  if (!logo || !logo->content) return;
  ImageFormat format = sniff_image(*logo->content);
  if (format != ImageFormat::png && format != ImageFormat::jpeg) return;
  auto size = image_pixel_size(*logo->content);
  if (!size) return;
  const int height = 40, widest = 240;
  int width = std::max(1, static_cast<int>((static_cast<int64_t>(size->width) * height + size->height / 2) / size->height));
  PixelSize shown = width > widest ? fit_width({width, height}, widest) : PixelSize{width, height};
  parts.logo_url = lib.config.absolute_url("/" + logo->output_path);
  parts.logo_width = shown.width;
  parts.logo_height = shown.height;
}

/// What a key holds of a file the edition shows (its path and bytes), when the site has it.
void add_file(KeyInput& in, const std::string& path, const EmailFiles& files) {
  auto found = files.find(path);
  in.text(path);
  in.flag(found != files.end() && found->second);
  if (found == files.end() || !found->second) return;
  in.number(static_cast<int64_t>(XXH3_64bits(found->second->data(), found->second->size())));
}

/// The key of one of the edition's files: everything the newsletter's web
/// page is made from (ViewModel::page_key: the page, herald.yaml with its
/// `email`, the contacts) and the bytes of its pictures and of the logo,
/// whose sizes it gives. The templates are the theme's, which the records
/// are kept for.
Hash128 email_key(const ViewModel& vm, const Page& page, const EmailFiles& files, const char* which) {
  KeyInput in("email-key 2");
  in.text(which);
  // A bilingual edition: each language's page.
  for (const EditionLanguage& l : edition_languages(vm.library(), page)) {
    in.key(l.library == &vm.library() ? vm.page_key(*l.page, "email") : ViewModel(*l.library).page_key(*l.page, "email"));
    for (const LinkUse& link : l.page->links)
      if (link.image)
        if (auto path = resolve_site_link(l.page->url, link.url); path && path->size() > 1)
          add_file(in, path->substr(1), files);
  }
  if (const StaticFile* logo = find_logo(vm.library())) add_file(in, logo->output_path, files);
  return in.hash();
}

/// A Message-ID of the page and of what the message says: the same commit
/// gives the same one, a changed newsletter another (a mail program shows a
/// message whose Message-ID it has seen only once).
std::string message_id(const Page& page, const EmailEdition& e, const Config& config) {
  std::string name = page.url.substr(1, page.url.size() > 1 ? page.url.size() - 2 : 0);
  for (char& c : name)
    if (c == '/') c = '.';
  XXH64_hash_t h = XXH3_64bits_withSeed(e.text.data(), e.text.size(), XXH3_64bits(e.html.data(), e.html.size()));
  return fmt::format("{}.{:016x}@{}", name, static_cast<uint64_t>(h), config.host());
}

}  // namespace

EmailFiles make_email_files(const Library& library) {
  EmailFiles files;
  // Published once, at the site's top, for every language's pages.
  const Library& top = library.default_language ? *library.default_language : library;
  for (const StaticFile& f : top.static_files) files[f.output_path] = f.content;
  return files;
}

std::string email_html_path(const Page& page) { return page.url.substr(1) + "email.html"; }
std::string email_text_path(const Page& page) { return page.url.substr(1) + "email.txt"; }
std::string email_message_path(const Page& page) { return page.url.substr(1) + page.slug + ".eml"; }

std::vector<EditionLanguage> edition_languages(const Library& lib, const Page& page) {
  std::vector<EditionLanguage> out{{&lib, &page}};
  for (const Translation& t : page.translations)
    for (const Library* l : language_libraries(lib)) {
      if (l == &lib || l->config.language != t.tag) continue;
      const std::string folder = "/" + l->config.language_folder;
      if (!starts_with(t.url, folder)) continue;
      const Page* other = l->find_page("/" + t.url.substr(folder.size()));
      if (other && other->published && other->kind == Kind::newsletter) out.push_back({l, other});
    }
  // Welsh first (the Welsh Language Standards), then the others in the site's order.
  std::stable_partition(out.begin(), out.end(),
                        [](const EditionLanguage& e) { return language_code(e.library->config.language) == "cy"; });
  return out;
}

namespace {

/// The template data of one language's part of the edition, made in that
/// language: its page, contents, body and words. Nullopt (with an error in
/// `diags`) when its source cannot be read again, or a picture has no alt text.
std::optional<TemplateData> part_data(const EditionLanguage& part, const EmailFiles& files, Diagnostics& diags,
                                      TemplateData* frame) {
  const Library& lib = *part.library;
  const Page& page = *part.page;
  const Config& config = lib.config;
  DisplayLanguage in(config.language);
  // The Markdown tree: kept by a page with a PDF, else parsed again from its source.
  std::shared_ptr<Document> again;
  const Document* doc = page.doc.get();
  if (doc && !doc->root()) {
    again = lib.parse_tree ? lib.parse_tree(page) : nullptr;
    doc = again.get();
    if (!doc || !doc->root()) {
      diags.error({page.source_path, 1, 1},
                  "the newsletter's email edition could not be made: its source could not be read again from git");
      return std::nullopt;
    }
  }
  EmailPalette palette;
  palette.brand = config.brand_colour;
  const EmailStyles styles(palette);
  EmailSource source{&page, doc, &config, lib.contacts.get(), &files, &lib};
  EmailParts parts;
  size_t missing_alt = 0;
  parts.html = email_body_html(source, styles, diags, &missing_alt);
  parts.text = email_body_text(source);
  parts.styles = styles.by_name();
  add_logo(lib, parts);
  ViewModel vm(lib);
  TemplateData whole = vm.email(page, parts);
  if (missing_alt) return std::nullopt;
  TemplateData d;
  d.set("lang", config.language);
  d.set("id", language_code(config.language));
  for (const char* name : {"page", "has_toc", "toc", "body_html", "body_text"})
    if (const TemplateData* value = whole.get(name)) d.set(name, *value);
  d.set("words", words_data());
  if (frame) *frame = std::move(whole);
  return d;
}

}  // namespace

std::optional<EmailEdition> make_email_edition(const ViewModel& vm, const Renderer& renderer, const Page& page,
                                               const EmailFiles& files, Diagnostics& diags) {
  std::vector<EditionLanguage> languages = edition_languages(vm.library(), page);
  // The frame (site, styles, logo, footer) of the first language's.
  TemplateData data;
  kainjow::mustache::list parts;
  bool failed = false;
  for (size_t i = 0; i < languages.size(); ++i) {
    auto part = part_data(languages[i], files, diags, i == 0 ? &data : nullptr);
    if (!part) {
      failed = true;
      continue;
    }
    part->set("first", TemplateData(i == 0));
    // A link at the top of each part to the next language's (the last's, to the first's).
    if (languages.size() > 1) {
      const std::string& tag = languages[(i + 1) % languages.size()].library->config.language;
      TemplateData jump;
      jump.set("id", language_code(tag));
      jump.set("lang", tag);
      jump.set("text", translate(tag, "Read in English"));
      part->set("jump", jump);
      if (i + 1 < languages.size()) part->set("below", translate(tag, "The English version is below."));
    }
    parts.push_back(std::move(*part));
  }
  if (failed) return std::nullopt;
  data.set("languages", parts);
  data.set("bilingual", TemplateData(languages.size() > 1));
  const Page& first = *languages.front().page;
  const Config& config = languages.front().library->config;
  EmailEdition e;
  e.html = renderer.render("email", data);
  // kainjow writes ' as &apos;, which HTML 4 (and so older Outlooks) does not know.
  for (size_t at = e.html.find("&apos;"); at != std::string::npos; at = e.html.find("&apos;", at))
    e.html.replace(at, 6, "&#39;");
  e.text = renderer.render("email_text", data);
  if (e.html.size() > kMaxEmailHtmlBytes) {
    diags.error({page.source_path, 1, 1},
                fmt::format("the newsletter's email edition is {} KB, over the 100 KB that Gmail shows before it "
                            "cuts a message short, hiding its end and the unsubscribe link: shorten the newsletter, "
                            "or move long parts to pages of the site and link to them",
                            (e.html.size() + 1023) / 1024));
    return std::nullopt;
  }

  MimeMessage& m = e.message;
  m.from = config.email.from;
  m.reply_to = config.email.reply_to;
  // The subject in each language, Welsh first: "Cylchlythyr y gwanwyn / Spring newsletter".
  std::vector<std::string> titles;
  std::string languages_header;
  for (const EditionLanguage& l : languages) {
    if (std::find(titles.begin(), titles.end(), l.page->title) == titles.end()) titles.push_back(l.page->title);
    languages_header += (languages_header.empty() ? "" : ", ") + l.library->config.language;
  }
  for (const std::string& title : titles) m.subject += (m.subject.empty() ? "" : " / ") + title;
  if (first.date) m.date = format_rfc822(*first.date);
  m.html = e.html;
  m.text = e.text;
  m.message_id = message_id(first, e, config);  // the same message, by either language's slug
  m.headers.push_back({"Content-Language", languages_header});
  if (!config.email.unsubscribe_is_tag) m.headers.push_back({"List-Unsubscribe", "<" + config.email.unsubscribe + ">"});
  return e;
}

void add_email_tasks(const Library& library, const Renderer& renderer, OutputSet& out, Diagnostics& diags,
                     std::vector<RenderTask>& tasks) {
  if (!library.config.email.given) return;
  auto vm = std::make_shared<ViewModel>(library);
  auto files = std::make_shared<const EmailFiles>(make_email_files(library));
  for (const Page* page : library.newsletters) {
    if (!page->published || page->slug.empty() || page->url.empty()) continue;
    tasks.push_back({email_html_path(*page), [&renderer, &out, &diags, page, vm, files] {
                       const std::string paths[3] = {email_html_path(*page), email_text_path(*page),
                                                     email_message_path(*page)};
                       const char* names[3] = {"html", "text", "message"};
                       // Each file the previous build made from the same is kept; the others are made.
                       std::optional<Hash128> keys[3];
                       bool missing = !out.remembers();
                       for (int i = 0; i < 3; ++i) {
                         if (!out.remembers()) continue;
                         keys[i] = email_key(*vm, *page, *files, names[i]);
                         if (!out.reuse(paths[i], *keys[i], page->source_path)) missing = true;
                         else keys[i].reset();  // kept: not to be added
                       }
                       if (!missing) return;
                       auto e = make_email_edition(*vm, renderer, *page, *files, diags);
                       if (!e) return;
                       std::string bytes[3] = {std::move(e->html), std::move(e->text), build_mime_message(e->message)};
                       for (int i = 0; i < 3; ++i) {
                         if (out.remembers() && !keys[i]) continue;
                         out.add(paths[i], std::move(bytes[i]), page->source_path, keys[i] ? &*keys[i] : nullptr);
                       }
                     }});
  }
}

}  // namespace herald
