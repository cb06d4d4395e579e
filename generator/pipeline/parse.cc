// Parse: front matter and Markdown of every content file, in parallel; unchanged files from the parse cache.
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "content/contacts.h"
#include "content/source_path.h"
#include "core/display_language.h"
#include "content/retired_details.h"
#include "markdown/weekday_check.h"
#include "core/text.h"
#include "core/thread_pool.h"
#include "pipeline/build_context.h"

namespace herald {
namespace {

/// True when a file that could not be parsed still says `draft: true`.
bool front_matter_says_draft(std::string_view text) {
  size_t end = text.find("\n---", 3);
  std::string_view head = text.substr(0, end == std::string_view::npos ? std::min<size_t>(text.size(), 4096) : end);
  size_t pos = head.find("\ndraft:");
  if (pos == std::string_view::npos) return false;
  std::string_view value = trim(head.substr(pos + 7, head.find('\n', pos + 1) - pos - 7));
  return value == "true" || value == "yes";
}

/// The contact directory, and the shortcodes that show its entries.
void read_contacts(BuildContext& ctx) {
  Library& lib = *ctx.library;
  std::vector<std::string> languages;
  for (const SiteLanguage& l : ctx.config.languages) languages.push_back(l.code);
  if (const SourceFile* contacts = find_file(ctx.site.files, "data/contacts.yaml")) {
    lib.contacts = std::make_shared<ContactDirectory>(
        ContactDirectory::parse(contacts->content, contacts->path, ctx.config.zone(), ctx.diags, languages));
  } else {
    lib.contacts = std::make_shared<ContactDirectory>(
        ContactDirectory::parse("[]", "data/contacts.yaml", ctx.config.zone(), ctx.diags));
  }
  ShortcodeResolver& resolver = ctx.resolver;
  const ContactDirectory* directory = lib.contacts.get();
  const bool bilingual = !languages.empty();
  resolver.resolve = [directory, bilingual](std::string_view name, std::string_view id,
                                            bool block) -> std::optional<std::string> {
    const Contact* found = directory->find(id);
    if (!found) return std::nullopt;
    // In the language of the page being parsed (see parse_stage).
    const Contact translated = bilingual ? found->in_language(display_language()) : Contact();
    const Contact* c = bilingual ? &translated : found;
    if (name == "phone") {
      if (c->phones.empty()) return directory->contact_inline_html(*c);
      return directory->phone_html(*c);
    }
    return block ? directory->contact_card_html(*c) : directory->contact_inline_html(*c);
  };
  // With no directory to look in, shortcodes stay as text: the build stops at
  // the directory's own error, which an error for each shortcode would bury.
  if (!directory->readable()) resolver.resolve = nullptr;
  auto contact_ids = std::make_shared<std::vector<std::string>>();
  for (const Contact& c : directory->contacts()) contact_ids->push_back(c.id);
  resolver.nearest = [contact_ids](std::string_view id) { return closest_match(id, *contact_ids); };
}

/// The content files to parse, and what their paths say they are.
void list_jobs(BuildContext& ctx) {
  Diagnostics& diags = ctx.diags;
  ctx.jobs.reserve(ctx.site.files.size());
  for (SourceFile& f : ctx.site.files) {
    if (!starts_with(f.path, "content/")) continue;
    if (f.kind == SourceFile::Kind::symlink) {
      diags.warning({f.path, 0, 0}, "symbolic links are not published: replace it with the file itself");
      continue;
    }
    if (f.kind == SourceFile::Kind::submodule) {
      diags.warning({f.path, 0, 0}, "submodules are not published");
      continue;
    }
    if (!ends_with(f.path, ".md")) continue;
    std::string problem;
    auto where = classify_content_path(f.path, &problem);
    if (!where) {
      diags.error({f.path, 0, 0}, problem);
      continue;
    }
    ctx.jobs.push_back({&f, *where});
  }
}

}  // namespace

bool parse_stage(BuildContext& ctx) {
  const BuildOptions& options = ctx.options;
  Diagnostics& diags = ctx.diags;
  LoadedSite& site = ctx.site;
  ctx.library = std::make_unique<Library>();
  Library& lib = *ctx.library;
  lib.config = ctx.config;
  lib.now = ctx.now;
  lib.preview = options.preview;
  lib.inputs = site_inputs(site.files);
  const std::string parse_context = parse_inputs(site.files, options);
  if (site.commit) {
    lib.commit_id = site.commit->id;
    lib.commit_time = site.commit->time;
  }
  read_contacts(ctx);
  RetiredDetails retired(*lib.contacts);
  list_jobs(ctx);
  std::vector<ParseJob>& jobs = ctx.jobs;

  // Each file's page goes straight to its place in the library; the files
  // that gave none are taken out after.
  lib.pages.resize(jobs.size());
  std::vector<char> page_made(jobs.size(), 0);
  // With a cache (herald serve), a file parsed before with the same bytes,
  // herald.yaml and contact directory is taken from it instead.
  // `herald build` and `check` keep the same in .herald-cache/parse.
  BuildCache* cache = options.cache;
  if (!cache && !options.worktree) cache = &ctx.disk_cache;
  using CacheEntry = std::map<std::string, BuildCache::Parsed>::iterator;
  std::vector<std::optional<CacheEntry>> hits(jobs.size());
  std::vector<std::vector<Diagnostic>> reported(cache ? jobs.size() : 0);
  // What each file parsed again gave, for the cache (a pointer each: a
  // page is a kilobyte, and a warm build parses a few).
  std::vector<std::shared_ptr<Page>> fresh_pages(cache ? jobs.size() : 0);
  auto cache_key = [](const SourceFile& f) { return f.path + '\n' + f.blob_id; };
  if (cache) {
    const std::string& context = parse_context;
    if (cache == &ctx.disk_cache) {
      if (ctx.loading_parse_cache.joinable()) ctx.loading_parse_cache.join();
      ctx.disk_cache.context = context;
    }
    if (cache->context != context) cache->parsed.clear();
    cache->context = context;
    // The files come in the tree's order, which is the entries' order:
    // each is looked for from where the one before was, not from the top.
    auto& parsed = cache->parsed;
    auto at = parsed.begin();
    std::string key, before;
    for (size_t i = 0; i < jobs.size(); ++i) {
      key = cache_key(*jobs[i].file);
      if (key < before)
        at = parsed.lower_bound(key);  // out of order: looked for
      else
        while (at != parsed.end() && at->first < key) ++at;
      if (at != parsed.end() && at->first == key) hits[i] = at;
      std::swap(key, before);
    }
  }
  // A page from the cache on disk is decoded straight into its place, on
  // every core, and its entry stays encoded for the cache's next file; one
  // from the preview's cache in memory is copied, the entry kept for the next
  // build. An entry whose bytes turn out damaged is parsed again.
  parallel_for(jobs.size(), [&](size_t i) {
    if (!hits[i]) return;
    const BuildCache::Parsed& hit = (*hits[i])->second;
    bool made = hit.page != nullptr;
    if (hit.encoded.empty()) {
      if (made) lib.pages[i] = *hit.page;
      reported[i] = hit.diagnostics;
    } else if (!decode_entry(hit, lib.pages[i], made, reported[i])) {
      lib.pages[i] = Page();
      reported[i].clear();
      hits[i].reset();
      made = false;
    }
    page_made[i] = made;
  });
  if (cache)
    cache->reused = static_cast<size_t>(
        std::count_if(hits.begin(), hits.end(), [](const auto& hit) { return hit.has_value(); }));
  // The Markdown of each page parsed again, or whose messages quote it, or
  // that could not be parsed (is it a draft?).
  std::vector<SourceFile*> unread;
  for (size_t i = 0; i < jobs.size(); ++i)
    if (!hits[i] || !page_made[i] || !reported[i].empty()) unread.push_back(jobs[i].file);
  site.repo->read_contents(unread);
  ctx.chapters_file = cache_dir(*site.repo) + "/chapters";
  // The preview keeps the chapters' facts between its builds (and starts
  // from those of the last build, read only).
  bool first_of_preview = cache && !cache->chapters;
  if (cache) {
    if (!cache->chapters) cache->chapters = std::make_shared<ChapterMemo>();
    ctx.chapters = cache->chapters;
  }
  ChapterMemo& chapters = *ctx.chapters;
  if (!options.worktree || first_of_preview) chapters.load(ctx.chapters_file, ctx.identity);
  std::vector<std::unique_ptr<ChapterFacts>>& facts = ctx.facts;
  facts.resize(jobs.size());
  ctx.parse_context = ParseContext{&lib.config, &ctx.resolver, false};
  const ParseContext& context = ctx.parse_context;
  parallel_for(jobs.size(), [&](size_t i) {
    // Each file reports into its own sink first: problems in a draft that
    // this build does not publish must not stop the rest of the site.
    Diagnostics local;
    local.set_strict(options.strict);
    bool made = false, draft = false;
    if (hits[i]) {
      made = page_made[i];
      if (made) draft = lib.pages[i].draft;
      for (const Diagnostic& d : reported[i]) local.report(d.severity, d.where, d.message);
    } else {
      // A page's contact cards in its language.
      std::optional<DisplayLanguage> in;
      if (!lib.config.languages.empty()) {
        std::string code = file_language(jobs[i].file->path);
        in.emplace(code.empty() ? lib.config.languages.front().code : code);
      }
      std::optional<Page> fresh = parse_page(jobs[i].file->path, jobs[i].file->content, jobs[i].where, context,
                                             local,
                                             jobs[i].where.kind == Kind::chapter
                                                 ? (facts[i] = std::make_unique<ChapterFacts>()).get()
                                                 : nullptr);
      made = fresh.has_value();
      if (made) {
        fresh->source_blob = jobs[i].file->blob_id;
        draft = fresh->draft;
      }
      if (!retired.empty()) retired.scan(jobs[i].file->content, jobs[i].file->path, local);
      check_weekdays(jobs[i].file->content, jobs[i].file->path, local);
      if (cache) {  // which keeps a copy
        reported[i] = local.sorted();
        if (made) {
          lib.pages[i] = *fresh;
          fresh_pages[i] = std::make_shared<Page>(std::move(*fresh));
        }
      } else if (made) {
        lib.pages[i] = std::move(*fresh);
      }
    }
    page_made[i] = made;
    if (!made) draft = front_matter_says_draft(jobs[i].file->content);
    local.forward(diags, draft && !options.drafts, " (in a draft, so it does not stop the build)");
  });
  if (cache) {
    // Keep exactly the files of this build, so deleted files do not linger.
    // The entries used are moved over whole, not copied.
    std::map<std::string, BuildCache::Parsed> next;
    for (size_t i = 0; i < jobs.size(); ++i) {
      // In the entries' order, so each goes at the end.
      if (hits[i]) {
        next.insert(next.end(), cache->parsed.extract(*hits[i]));
      } else {
        BuildCache::Parsed& entry = next.try_emplace(next.end(), cache_key(*jobs[i].file))->second;
        entry.page = std::move(fresh_pages[i]);
        entry.diagnostics = std::move(reported[i]);
      }
    }
    cache->parsed = std::move(next);
    ctx.result.sources_reused = cache->reused;
    if (ctx.disk) {
      std::vector<std::string> fresh;
      for (size_t i = 0; i < jobs.size(); ++i)
        if (!hits[i]) fresh.push_back(cache_key(*jobs[i].file));
      // Written while Assemble runs on one core (the other is idle); nothing
      // touches disk_cache again, and the thread is joined when the build
      // returns. The pages have their own copies, so the cache then goes.
      ctx.saving_parse_cache = std::jthread([&ctx, fresh = std::move(fresh)] {
        ctx.disk->save(ctx.disk_cache, fresh);
        ctx.disk_cache.parsed.clear();
      });
    }
  }
  for (size_t i = 0; i < jobs.size(); ++i)
    if (facts[i] && facts[i]->readable) chapters.offer(jobs[i].file->blob_id, std::move(*facts[i]));
  size_t kept = 0;
  for (size_t i = 0; i < jobs.size(); ++i)
    if (page_made[i]) {
      if (kept != i) lib.pages[kept] = std::move(lib.pages[i]);
      ++kept;
    }
  lib.pages.erase(lib.pages.begin() + static_cast<std::ptrdiff_t>(kept), lib.pages.end());
  return true;
}

}  // namespace herald
