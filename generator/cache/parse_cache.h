// The parse cache on disk (.herald-cache/): what parsing each file gave, kept between builds.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "commands/pipeline.h"

namespace herald {

/// Writes `cache` to `path` (to `path + ".tmp"`, then renamed, so a killed
/// build never leaves half a file), making its folder if needed. `stamp`
/// identifies everything the parse depends on besides each file's bytes
/// (herald's version, the blob ids of herald.yaml and the contacts,
/// --strict); it is stored in the header. A page's cmark tree is not stored:
/// a page that makes a PDF has it parsed again from its source
/// (Library::parse_tree) when the PDF cannot be reused. Returns false with
/// `*error` set when the file cannot be written.
bool save_parse_cache(const BuildCache& cache, const std::string& path, const std::string& stamp,
                      std::string* error);

/// Every member of `page` (its document too, without the tree) as the parse
/// cache stores it: two pages with the same bytes are the same page.
std::string encode_page(const Page& page);

/// Reads the file into `cache`, replacing its entries, and sets
/// `cache.context` to `stamp`. Returns false, with `cache.parsed` empty, when
/// the file is missing, was written with another stamp or format version, or
/// its framing is damaged: reading never goes past the end or trusts a length
/// it cannot hold. The entries are left encoded (`Parsed::encoded`): a build
/// checks and decodes the pages it uses, each straight into its place, on
/// every core (decode_entry), and writes the bytes of the others back as they
/// are. Each entry has a checksum of its own, checked when it is decoded.
bool load_parse_cache(BuildCache& cache, const std::string& path, const std::string& stamp);

/// Decodes an entry load_parse_cache left encoded: its page, if it has one,
/// into `page` (which must be as newly made) with `has_page` set, and its
/// diagnostics. Documents come back without their tree (`root()` is null),
/// their bytes checked but not decoded: each is decoded when first used.
/// Returns false when the bytes are damaged (they fail the entry's checksum,
/// or, under a checksum that matches all the same, the decoder's checks):
/// then the file is parsed again.
bool decode_entry(const BuildCache::Parsed& entry, Page& page, bool& has_page,
                  std::vector<Diagnostic>& diagnostics);

/// The parse cache in its folder: a base file, and a journal of what later
/// builds parsed, so that a build that parsed a few files writes only those.
/// The base is written whole again when it is missing or stale, or when the
/// journal, or the entries no build uses any more, pass a tenth of it.
class ParseCacheFolder {
 public:
  ParseCacheFolder(const std::string& dir, std::string stamp)
      : base_(dir + "/parse"), journal_(dir + "/parse-journal"), stamp_(std::move(stamp)) {}
  /// Fills `cache` from the base and the journal (empty when both are missing or damaged).
  void load(BuildCache& cache);
  /// Keeps `cache`, which holds exactly this build's files; `fresh` are the
  /// keys this build parsed. Errors are ignored: the cache is only a cache.
  void save(const BuildCache& cache, const std::vector<std::string>& fresh);

 private:
  std::string base_, journal_, stamp_;
  bool base_ok_ = false;
  size_t base_entries_ = 0;
  std::set<std::string> journal_keys_;

  bool rewrites_base(size_t fresh, size_t reused) const;
};

}  // namespace herald
