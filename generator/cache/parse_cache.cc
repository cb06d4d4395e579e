// The parse cache on disk: a checked header, then each file's page and diagnostics, in a binary encoding.
#include "cache/parse_cache.h"
#include "cache/parse_cache_codec.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "core/checksum.h"
#include "core/file_io.h"
#include "markdown/document.h"

namespace herald {

// The file, every number little-endian:
//   "herald-parse-cache 10\n"  what it is, and the version of the encoding
//   string stamp, u64 count, then count × (u64 checksum, string key, string
//   entry), where an entry's bytes are a BuildCache::Parsed and its checksum
//   is XXH3_64bits of its key and entry as stored (their lengths included):
//   a build checks and decodes only the entries it uses, each as it decodes
//   it, and copies the others' bytes as they are, with their checksums.
// A string is a u64 length and its bytes; a bool one byte, 0 or 1; an int 4
// bytes, an int64_t or size_t 8; an enum one byte; an optional (or a
// shared_ptr) a bool then the value if any; a vector a u64 count then its
// items; a struct its members as ParseCacheCodec::fields lists them
// (cache/parse_cache_codec.h).
namespace {

/// Change the version with the encoding (a member added to Page, say), so
/// that an older file is not misread but simply not used.
constexpr std::string_view kMagic = "herald-parse-cache 10\n";

/// Appends values as the file stores them.
class Encoder {
 public:
  template <class... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }
  const std::string& bytes() const { return out_; }
  void clear() { out_.clear(); }
  /// Bytes already encoded, as they are.
  void append(std::string_view encoded) { out_ += encoded; }
  /// Writes `value` over the eight bytes at `at`, encoded before as a placeholder.
  void overwrite(size_t at, uint64_t value) {
    for (int i = 0; i < 8; ++i) out_[at + i] = static_cast<char>(value >> (8 * i));
  }

 private:
  void put(bool value) { out_ += value ? '\1' : '\0'; }
  void put(int value) { put_fixed(static_cast<uint32_t>(value), 4); }
  void put(int64_t value) { put_fixed(static_cast<uint64_t>(value), 8); }
  void put(uint64_t value) { put_fixed(value, 8); }
  void put(Kind kind) { put_fixed(static_cast<uint8_t>(kind), 1); }
  void put(Severity severity) { put_fixed(static_cast<uint8_t>(severity), 1); }
  void put(std::string_view text) {
    put(uint64_t{text.size()});
    out_ += text;
  }
  void put(const std::string& text) { put(std::string_view(text)); }
  void put(const SharedText& text) { put(text.view()); }
  template <class T>
  void put(const std::optional<T>& value) {
    put(value.has_value());
    if (value) put(*value);
  }
  template <class T>
  void put(const std::vector<T>& items) {
    put(uint64_t{items.size()});
    for (const T& item : items) put(item);
  }
  template <class T>
  void put(const std::shared_ptr<T>& value) {
    put(value != nullptr);
    if (value) put(*value);
  }
  template <class T>
    requires std::is_class_v<T>
  void put(const T& value) {
    ParseCacheCodec::fields(*this, value);
  }

  void put_fixed(uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out_ += static_cast<char>(value >> (8 * i));
  }

  std::string out_;
};

/// Reads values back, never past the end: the first one missing or out of
/// range fails the decoder, and from then on it reads nothing.
class Decoder {
 public:
  /// Decodes `in`. A SharedText decoded points into `in`, which `owner`
  /// keeps alive; without an owner it gets a copy.
  explicit Decoder(std::string_view in, std::shared_ptr<const void> owner = nullptr)
      : in_(in), owner_(std::move(owner)) {}

  template <class... T>
  void operator()(T&... values) {
    (get(values), ...);
  }
  bool ok() const { return ok_; }
  bool at_end() const { return ok_ && at_ == in_.size(); }
  /// How many bytes have been read.
  size_t position() const { return at_; }
  void fail() { ok_ = false; }

 private:
  void get(bool& value) {
    uint64_t byte = get_fixed(1);
    if (byte > 1) fail();
    value = byte == 1;
  }
  void get(int& value) { value = static_cast<int>(static_cast<uint32_t>(get_fixed(4))); }
  void get(int64_t& value) { value = static_cast<int64_t>(get_fixed(8)); }
  void get(uint64_t& value) { value = get_fixed(8); }
  // Kind::page and Severity::error are the last values of their enums.
  void get(Kind& kind) { kind = static_cast<Kind>(get_enum(static_cast<uint64_t>(Kind::page))); }
  void get(Severity& severity) {
    severity = static_cast<Severity>(get_enum(static_cast<uint64_t>(Severity::error)));
  }
  void get(std::string& text) {
    uint64_t size = get_length();
    if (!skipping_) text.assign(in_.substr(at_, size));
    at_ += size;
  }
  /// Bytes left where they are, in the file the decoder reads.
  void get(std::string_view& bytes) {
    uint64_t size = get_length();
    bytes = in_.substr(at_, size);
    at_ += size;
  }
  void get(SharedText& text) {
    uint64_t size = get_length();
    std::string_view bytes = in_.substr(at_, size);
    if (!skipping_) text = owner_ ? SharedText(bytes, owner_) : SharedText(std::string(bytes));
    at_ += size;
  }
  template <class T>
  void get(std::optional<T>& value) {
    bool present = false;
    get(present);
    if (skipping_) {
      if (present) skip<T>();
      return;
    }
    value.reset();
    if (present) get(value.emplace());
  }
  template <class T>
  void get(std::vector<T>& items) {
    uint64_t count = get_length();
    if (skipping_) {
      for (uint64_t i = 0; i < count && ok_; ++i) skip<T>();
      return;
    }
    items.clear();
    for (uint64_t i = 0; i < count && ok_; ++i) get(items.emplace_back());
  }
  /// A report's front matter (and any other part a page holds as const).
  template <class T>
  void get(std::shared_ptr<const T>& value) {
    bool present = false;
    get(present);
    if (skipping_) {
      if (present) skip<T>();
      return;
    }
    value.reset();
    if (!present) return;
    auto made = std::make_shared<T>();
    get(*made);
    value = std::move(made);
  }
  /// A document is checked here, every byte as decoding would, and decoded
  /// when first used (decode_document).
  void get(std::shared_ptr<Document>& doc) {
    bool present = false;
    get(present);
    doc.reset();
    if (!present) return;
    size_t start = at_;
    bool was_skipping = std::exchange(skipping_, true);
    skip<Document>();
    skipping_ = was_skipping;
    if (!ok_ || skipping_) return;
    std::string_view bytes = in_.substr(start, at_ - start);
    std::shared_ptr<const void> owner = owner_;
    if (!owner) {  // bytes of no file: the document keeps a copy
      auto copy = std::make_shared<const std::string>(bytes);
      bytes = *copy;
      owner = std::move(copy);
    }
    doc = ParseCacheCodec::encoded_document(bytes, std::move(owner), &decode_document);
  }
  /// What decoding writes into the body's HTML, checked without copying
  /// it: the places it records lie inside it, each after the one before.
  void get(RenderedBody& body) {
    if (!skipping_) {
      ParseCacheCodec::fields(*this, body);
      return;
    }
    uint64_t html = get_length();
    at_ += html;
    skip_places<ParseCacheCodec::UrlSite>(html);
    skip_places<ParseCacheCodec::HeadingSite>(html);
    skip_places<ParseCacheCodec::SkipSite>(html);
  }
  template <class Site>
  void skip_places(uint64_t html) {
    uint64_t count = get_length();
    size_t after = 0;
    for (uint64_t i = 0; i < count && ok_; ++i) {
      Site site;
      get(site);
      if (site.begin < after || site.end < site.begin || site.end > html) fail();
      after = site.end;
    }
  }
  template <class T>
  void skip() {
    if constexpr (std::is_same_v<T, Document>) {
      Document unused = ParseCacheCodec::blank_document();
      get(unused);
    } else {
      T unused{};
      get(unused);
    }
  }
  /// Fills a document read from the cache, when first used: its bytes were
  /// checked when the entry was decoded, so this cannot fail but by a fault
  /// of herald's own.
  static void decode_document(Document& doc, std::string_view bytes, const std::shared_ptr<const void>& owner) {
    Decoder in(bytes, owner);
    in(doc);
    if (!in.at_end() || !ParseCacheCodec::places_in_order(doc))
      throw std::logic_error("a document in the parse cache could not be decoded");
  }
  template <class T>
    requires std::is_class_v<T>
  void get(T& value) {
    ParseCacheCodec::fields(*this, value);
  }

  /// The next `bytes` bytes as a number; 0 once failed.
  uint64_t get_fixed(size_t bytes) {
    if (!ok_ || in_.size() - at_ < bytes) {
      fail();
      return 0;
    }
    uint64_t value = 0;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&value, in_.data() + at_, bytes);  // one load, not a shift for each byte
    } else {
      for (size_t i = 0; i < bytes; ++i)
        value |= uint64_t{static_cast<unsigned char>(in_[at_ + i])} << (8 * i);
    }
    at_ += bytes;
    return value;
  }
  /// One byte that must be at most `last`, the enum's last value.
  uint64_t get_enum(uint64_t last) {
    uint64_t value = get_fixed(1);
    if (value > last) fail();
    return ok_ ? value : 0;
  }
  /// A string's length or a vector's count. Each byte or item takes at least
  /// a byte of what is left, so a larger number is damage, caught before
  /// anything is allocated for it.
  uint64_t get_length() {
    uint64_t length = get_fixed(8);
    if (length > in_.size() - at_) fail();
    return ok_ ? length : 0;
  }

  std::string_view in_;
  std::shared_ptr<const void> owner_;
  size_t at_ = 0;
  bool ok_ = true;
  bool skipping_ = false;  ///< checking a document's bytes, not keeping what they hold
};

/// A regular file mapped read-only: the parse cache is tens of megabytes, and
/// reading it into memory cost a copy and a fresh page for every 4 KB. herald
/// replaces the file by renaming a new one over it, so the mapped file never
/// changes under a build. The entries not yet decoded, and the pages' HTML
/// (SharedText), point into it, so it stays mapped until the last is gone.
/// Not populated when mapped: a build reads the entries it decodes and the
/// HTML it renders, not the whole file, and populating it held up the other
/// threads' own mappings (a thread's stack, the allocator's) while it ran.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = p;
        size_ = static_cast<size_t>(st.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) ::munmap(data_, size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  /// The bytes; empty when there is no such file or it cannot be read.
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace

std::string encode_page(const Page& page) {
  Encoder encoder;
  encoder(page);
  return encoder.bytes();
}

bool save_parse_cache(const BuildCache& cache, const std::string& path, const std::string& stamp,
                      std::string* error) {
  std::error_code ec;
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder, ec);
  if (ec) {
    *error = fmt::format("cannot create '{}': {}", folder.string(), ec.message());
    return false;
  }
  // No fsync: after a power cut a torn file fails its checksums, and the
  // cache is only a cache.
  // A name of this process only: two builds saving at once each rename a whole file.
  const std::string tmp = path + "." + std::to_string(::getpid()) + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0;
  auto put = [&](std::string_view piece) { ok = ok && write_fully(fd, piece); };
  // Written a megabyte at a time as it is encoded (the whole is tens of megabytes).
  put(kMagic);
  Encoder body;
  body(stamp, uint64_t{cache.parsed.size()});
  Encoder entry;
  for (const auto& [key, parsed] : cache.parsed) {
    if (!parsed.sealed.empty()) {  // as read, not decoded: copied with its checksum
      body(parsed.checksum);
      body.append(parsed.sealed);
    } else {
      entry.clear();
      entry(parsed);
      // The checksum comes before the key and entry it covers: its place is
      // kept, and filled once they are in the body.
      size_t at = body.bytes().size();
      body(uint64_t{0}, key, std::string_view(entry.bytes()));
      body.overwrite(at, checksum64(std::string_view(body.bytes()).substr(at + 8)));
    }
    if (body.bytes().size() >= (1u << 20)) {
      put(body.bytes());
      body.clear();
    }
  }
  put(body.bytes());
  if (!ok) *error = fmt::format("cannot write '{}': {}", tmp, std::strerror(errno));
  if (fd >= 0 && ::close(fd) != 0 && ok) {
    *error = fmt::format("cannot write '{}': {}", tmp, std::strerror(errno));
    ok = false;
  }
  if (!ok) {
    ::unlink(tmp.c_str());
    return false;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = fmt::format("cannot replace '{}': {}", path, std::strerror(errno));
    ::unlink(tmp.c_str());
    return false;
  }
  return true;
}

bool load_parse_cache(BuildCache& cache, const std::string& path, const std::string& stamp) {
  cache.parsed.clear();
  cache.context = stamp;
  // Kept mapped while any page's HTML points into it.
  auto mapped = std::make_shared<const MappedFile>(path);
  std::string_view file = mapped->bytes();
  if (!file.starts_with(kMagic)) return false;
  std::string_view rest = file.substr(kMagic.size());
  Decoder in(rest, mapped);
  std::string written_stamp;
  in(written_stamp);
  if (!in.ok() || written_stamp != stamp) return false;

  uint64_t count = 0;
  in(count);
  decltype(cache.parsed) parsed;
  for (uint64_t i = 0; i < count && in.ok(); ++i) {
    std::string key;
    BuildCache::Parsed entry;
    in(entry.checksum);
    size_t from = in.position();
    in(key, entry.encoded);
    entry.sealed = rest.substr(from, in.position() - from);
    if (!parsed.empty() && key <= parsed.rbegin()->first) in.fail();  // the map wrote them sorted, once each
    // At least a page's flag and a count of diagnostics: never empty, so never taken for decoded.
    if (entry.encoded.size() < 9) in.fail();
    entry.file = mapped;
    if (in.ok()) parsed.emplace_hint(parsed.end(), std::move(key), std::move(entry));
  }
  if (!in.at_end()) return false;
  cache.parsed = std::move(parsed);
  return true;
}

bool decode_entry(const BuildCache::Parsed& entry, Page& page, bool& has_page,
                  std::vector<Diagnostic>& diagnostics) {
  // The entry's own checksum, here rather than when the file is read: its
  // bytes are read now anyway, and only the entries a build uses are.
  if (entry.sealed.empty() || checksum64(entry.sealed) != entry.checksum) return false;
  Decoder in(entry.encoded, entry.file);
  in(has_page);
  if (has_page) in(page);
  in(diagnostics);
  return in.at_end();
}

void ParseCacheFolder::load(BuildCache& cache) {
  base_ok_ = load_parse_cache(cache, base_, stamp_);
  base_entries_ = cache.parsed.size();
  BuildCache journal;
  if (!load_parse_cache(journal, journal_, stamp_)) return;
  for (auto& [key, entry] : journal.parsed) {
    journal_keys_.insert(key);
    cache.parsed[key] = std::move(entry);
  }
}

bool ParseCacheFolder::rewrites_base(size_t fresh, size_t reused) const {
  // Entries loaded but not of this build: files changed or deleted since.
  size_t loaded = base_entries_ + journal_keys_.size();
  size_t unused = loaded > reused ? loaded - reused : 0;
  size_t limit = std::max<size_t>(100, base_entries_ / 10);
  return !base_ok_ || journal_keys_.size() + fresh > limit || unused > limit;
}

void ParseCacheFolder::save(const BuildCache& cache, const std::vector<std::string>& fresh) {
  std::string error;
  if (rewrites_base(fresh.size(), cache.reused)) {
    if (save_parse_cache(cache, base_, stamp_, &error)) ::unlink(journal_.c_str());
    return;
  }
  if (fresh.empty()) return;
  std::set<std::string> wanted(fresh.begin(), fresh.end());
  wanted.insert(journal_keys_.begin(), journal_keys_.end());
  BuildCache journal;
  for (const std::string& key : wanted) {
    auto it = cache.parsed.find(key);
    if (it != cache.parsed.end()) journal.parsed.emplace(key, it->second);
  }
  save_parse_cache(journal, journal_, stamp_, &error);
}

}  // namespace herald
