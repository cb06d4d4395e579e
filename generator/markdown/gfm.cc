// The cmark-gfm library behind one door: extensions, thread-safe parsing, HTML rendering.
#include "markdown/gfm.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <dlfcn.h>

#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <mutex>

// cmark-gfm (up to at least 0.29.0.gfm.6, Debian 12's) keeps the inline
// parser's table of special characters in a global array. Every parse turns
// the extensions' characters ('~' for strikethrough, ':' and 'w' for
// autolinks) on when it starts parsing inlines or a table row, and off when
// it is done, through cmark_manage_extensions_special_characters(). Two
// parses at once race: one turns '~' off while the other is reading, and a
// strikethrough or autolink is missed now and then.
//
// herald attaches the same extensions to every parser, so the right state is
// "always on". The function below takes the library's place (the library
// calls it through its PLT, so a definition in the program wins): once the
// characters are on, turning them on or off does nothing, and the table is
// only ever read. A probe at start-up checks that this took effect (the
// library called us, and strikethrough, autolinks and tables still work);
// if not (a static cmark-gfm, a fixed library that keeps the table per
// parser), the calls go to the library as usual and parses take turns under
// a mutex instead.
namespace {

using ManageFunction = void (*)(cmark_parser*, int);

std::atomic<bool> g_pinned{false};   // special characters are on for good
std::atomic<bool> g_probing{false};  // counting calls during the probe
std::atomic<int> g_probe_calls{0};

// The library's own function (null if cmark-gfm is linked statically: then
// ours is not used either).
ManageFunction library_manage() {
  static const ManageFunction function =
      reinterpret_cast<ManageFunction>(dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
  return function;
}

}  // namespace

extern "C" __attribute__((weak)) void cmark_manage_extensions_special_characters(cmark_parser* parser,
                                                                                 int add) {
  if (g_probing.load(std::memory_order_relaxed)) g_probe_calls.fetch_add(1);
  if (g_pinned.load(std::memory_order_acquire)) return;
  if (ManageFunction library = library_manage()) library(parser, add);
}

namespace herald {
namespace {

constexpr int kParseOptions = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES;
constexpr int kRenderOptions = CMARK_OPT_UNSAFE;

struct Gfm {
  std::array<cmark_syntax_extension*, 5> extensions{};
  cmark_syntax_extension* table = nullptr;
  bool parallel = false;  // false: parses take turns under `mutex`
  std::mutex mutex;
};

cmark_node* parse_with(const Gfm& gfm, std::string_view markdown) {
  cmark_parser* parser = cmark_parser_new(kParseOptions);
  for (cmark_syntax_extension* e : gfm.extensions)
    if (e) cmark_parser_attach_syntax_extension(parser, e);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* root = cmark_parser_finish(parser);
  cmark_parser_free(parser);
  return root;
}

// Pins the special characters on, and checks that parsing still works and
// went through our function.
bool pin_special_characters(const Gfm& gfm) {
  ManageFunction library = library_manage();
  if (!library) return false;
  cmark_parser* parser = cmark_parser_new(kParseOptions);
  for (cmark_syntax_extension* e : gfm.extensions)
    if (e) cmark_parser_attach_syntax_extension(parser, e);
  library(parser, 1);
  cmark_parser_free(parser);
  g_pinned.store(true, std::memory_order_release);

  // First a body without a table: only the library's own inline pass calls
  // the function then, so a count above 0 shows the library's internal calls
  // come to us too (not only the table extension's).
  auto probe = [&](const char* markdown, std::initializer_list<const char*> expected) {
    cmark_node* root = parse_with(gfm, markdown);
    char* html = cmark_render_html(root, kRenderOptions, nullptr);
    bool ok = html != nullptr;
    for (const char* part : expected) ok = ok && std::strstr(html, part);
    std::free(html);
    cmark_node_free(root);
    return ok;
  };
  g_probing.store(true);
  bool works =
      probe("x ~~a~~ y www.example.org z\n", {"<del>a</del>", "<a href=\"http://www.example.org\">"}) &&
      g_probe_calls.load() > 0 &&
      probe("| h | i |\n|---|---|\n| ~~c~~ | www.example.org |\n\nx ~~d~~ y\n",
            {"<th>h</th>", "<del>c</del>", "<del>d</del>", "http://www.example.org"});
  g_probing.store(false);
  if (works) return true;
  g_pinned.store(false, std::memory_order_release);
  return false;
}

Gfm& gfm() {
  static std::once_flag once;
  static Gfm instance;
  std::call_once(once, [] {
    cmark_gfm_core_extensions_ensure_registered();
    const char* names[] = {"table", "strikethrough", "autolink", "tasklist", "tagfilter"};
    for (size_t i = 0; i < instance.extensions.size(); ++i)
      instance.extensions[i] = cmark_find_syntax_extension(names[i]);
    instance.table = instance.extensions[0];
    instance.parallel = pin_special_characters(instance);
  });
  return instance;
}

}  // namespace

CmarkNodePtr parse_gfm(std::string_view markdown) {
  Gfm& g = gfm();
  if (g.parallel) return CmarkNodePtr(parse_with(g, markdown));
  std::lock_guard lock(g.mutex);
  return CmarkNodePtr(parse_with(g, markdown));
}

bool gfm_parses_in_parallel() { return gfm().parallel; }

std::string render_gfm_html(cmark_node* node) {
  // No extension list: the only HTML filter (tagfilter) would only touch raw
  // HTML, and the author's raw HTML is gone by now.
  char* html = cmark_render_html(node, kRenderOptions, nullptr);
  std::string out(html ? html : "");
  std::free(html);
  return out;
}

bool is_gfm_table(cmark_node* node) {
  const Gfm& g = gfm();
  return g.table && cmark_node_get_syntax_extension(node) == g.table &&
         std::strcmp(cmark_node_get_type_string(node), "table") == 0;
}

}  // namespace herald
