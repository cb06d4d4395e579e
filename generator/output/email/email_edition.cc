// A newsletter's email edition (spec §13): email.html, email.txt and <slug>.eml beside its page.
#include "output/email/email_edition.h"

#include <xxhash.h>

#include <fmt/format.h>

#include "content/link_check.h"
#include "content/logo.h"
#include "core/text.h"
#include "markdown/document.h"
#include "output/email/email_html.h"
#include "output/email/email_style.h"
#include "output/email/email_text.h"

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
  KeyInput in("email-key 1");
  in.text(which);
  in.key(vm.page_key(page, "email"));
  for (const LinkUse& link : page.links)
    if (link.image)
      if (auto path = resolve_site_link(page.url, link.url); path && path->size() > 1) add_file(in, path->substr(1), files);
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
  for (const StaticFile& f : library.static_files) files[f.output_path] = f.content;
  return files;
}

std::string email_html_path(const Page& page) { return page.url.substr(1) + "email.html"; }
std::string email_text_path(const Page& page) { return page.url.substr(1) + "email.txt"; }
std::string email_message_path(const Page& page) { return page.url.substr(1) + page.slug + ".eml"; }

std::optional<EmailEdition> make_email_edition(const ViewModel& vm, const Renderer& renderer, const Page& page,
                                               const EmailFiles& files, Diagnostics& diags) {
  const Library& lib = vm.library();
  const Config& config = lib.config;
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
  EmailSource source{&page, doc, &config, lib.contacts.get(), &files};
  EmailParts parts;
  size_t missing_alt = 0;
  parts.html = email_body_html(source, styles, diags, &missing_alt);
  parts.text = email_body_text(source);
  parts.styles = styles.by_name();
  add_logo(lib, parts);

  TemplateData data = vm.email(page, parts);
  EmailEdition e;
  e.html = renderer.render("email", data);
  // kainjow writes ' as &apos;, which HTML 4 (and so older Outlooks) does not know.
  for (size_t at = e.html.find("&apos;"); at != std::string::npos; at = e.html.find("&apos;", at))
    e.html.replace(at, 6, "&#39;");
  e.text = renderer.render("email_text", data);
  if (missing_alt) return std::nullopt;
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
  m.subject = page.title;
  if (page.date) m.date = format_rfc822(*page.date);
  m.html = e.html;
  m.text = e.text;
  m.message_id = message_id(page, e, config);
  m.headers.push_back({"Content-Language", config.language});
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
