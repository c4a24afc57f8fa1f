#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "core/value.hpp"

namespace jb {
namespace sql {
class Db;
}

struct StoredCapture {
    Id id = 0;
    std::string sha256;
    std::int64_t size = 0;
    bool already_present = false;
};

// SHA-256 and size of a file, read in blocks.
StoredCapture hash_file(const std::string& path);

// Stores a raw input zstd-compressed in chunks, keyed by its SHA-256; an input already stored is
// not stored again. Memory stays bounded by the chunk size whatever the file's size.
StoredCapture store_capture(sql::Db& db, const std::string& path, const std::string& name);

// The same in two steps, so that the compression (no database needed) can run on another thread
// while the import reads: the input compressed into a file, then that file stored.
struct CompressedCapture {
    std::string sha256;  // of the input
    std::int64_t size = 0;
    std::string compressed_path;
};
CompressedCapture compress_capture(const std::string& path, const std::string& compressed_path);
StoredCapture store_compressed(sql::Db& db, const CompressedCapture& capture, const std::string& name);

// Streams a stored capture back, decompressed, and checks its SHA-256; throws on damage.
void read_capture(sql::Db& db, Id capture_id, const std::function<void(std::string_view)>& consumer);

}  // namespace jb
