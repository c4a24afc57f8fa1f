#include "core/capture.hpp"

#include <zstd.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/sqlite.hpp"
#include "core/temp_files.hpp"

namespace jb {
namespace {

constexpr std::size_t kBlock = 1 << 20;

struct CctxFree {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DctxFree {
    void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

std::ifstream open_input(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read input");
    return in;
}

}  // namespace

StoredCapture hash_file(const std::string& path) {
    std::ifstream in = open_input(path);
    Sha256 hash;
    std::vector<char> buffer(kBlock);
    StoredCapture result;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        auto got = static_cast<std::size_t>(in.gcount());
        hash.update(buffer.data(), got);
        result.size += static_cast<std::int64_t>(got);
    }
    if (in.bad()) throw Error(path + ": read error");
    result.sha256 = hash.hex_digest();
    return result;
}

CompressedCapture compress_capture(const std::string& path, const std::string& compressed_path) {
    CompressedCapture result;
    result.compressed_path = compressed_path;
    std::ofstream out(compressed_path, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(compressed_path + ": cannot write a temporary file");
    std::unique_ptr<ZSTD_CCtx, CctxFree> cctx(ZSTD_createCCtx());
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, 3);
    ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, 1);
    Sha256 hash;
    std::vector<char> in_buffer(kBlock);
    std::vector<char> out_buffer(ZSTD_CStreamOutSize());
    std::ifstream in = open_input(path);
    bool done = false;
    while (!done) {
        in.read(in_buffer.data(), static_cast<std::streamsize>(in_buffer.size()));
        auto got = static_cast<std::size_t>(in.gcount());
        if (in.bad()) throw Error(path + ": read error");
        hash.update(in_buffer.data(), got);
        result.size += static_cast<std::int64_t>(got);
        bool last = !in;
        ZSTD_EndDirective mode = last ? ZSTD_e_end : ZSTD_e_continue;
        ZSTD_inBuffer input{in_buffer.data(), got, 0};
        bool finished = false;
        while (!finished) {
            ZSTD_outBuffer output{out_buffer.data(), out_buffer.size(), 0};
            std::size_t remaining = ZSTD_compressStream2(cctx.get(), &output, &input, mode);
            if (ZSTD_isError(remaining)) throw Error(path + ": compression failed: " + ZSTD_getErrorName(remaining));
            out.write(out_buffer.data(), static_cast<std::streamsize>(output.pos));
            finished = last ? remaining == 0 : input.pos == input.size;
        }
        done = last;
    }
    out.close();
    if (!out) throw Error(compressed_path + ": cannot write a temporary file (disk full?)");
    result.sha256 = hash.hex_digest();
    return result;
}

StoredCapture store_compressed(sql::Db& db, const CompressedCapture& capture, const std::string& name) {
    StoredCapture result;
    result.sha256 = capture.sha256;
    result.size = capture.size;
    sql::Stmt find(db, "SELECT id FROM capture WHERE sha256 = ?");
    find.bind(1, std::string_view(result.sha256));
    if (find.step()) {
        result.id = find.column_int(0);
        result.already_present = true;
        return result;
    }
    sql::Stmt insert(db, "INSERT INTO capture(sha256, name, size, compressed_size, compression) VALUES(?,?,?,0,'zstd')");
    insert.bind(1, std::string_view(result.sha256)).bind(2, std::string_view(name)).bind(3, result.size).run();
    result.id = db.scalar("SELECT last_insert_rowid()");
    sql::Stmt chunk(db, "INSERT INTO capture_chunk(capture_id, seq, data) VALUES(?,?,?)");
    std::ifstream in = open_input(capture.compressed_path);
    std::vector<char> buffer(kBlock);
    std::int64_t seq = 0, compressed = 0;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        auto got = static_cast<std::size_t>(in.gcount());
        if (in.bad()) throw Error(capture.compressed_path + ": read error");
        if (got == 0) break;
        chunk.bind(1, result.id).bind(2, seq++).bind_blob(3, buffer.data(), got).run();
        compressed += static_cast<std::int64_t>(got);
    }
    sql::Stmt size(db, "UPDATE capture SET compressed_size = ? WHERE id = ?");
    size.bind(1, compressed).bind(2, result.id).run();
    return result;
}

StoredCapture store_capture(sql::Db& db, const std::string& path, const std::string& name) {
    // In the temporary folder: the input's own folder may be read-only.
    const std::string compressed_path =
        (std::filesystem::temp_directory_path() / ("jbridge-capture-" + std::to_string(::getpid()) + ".zst")).string();
    TempFileGuard guard(compressed_path);
    return store_compressed(db, compress_capture(path, compressed_path), name);
}

void read_capture(sql::Db& db, Id capture_id, const std::function<void(std::string_view)>& consumer) {
    sql::Stmt meta(db, "SELECT sha256, name FROM capture WHERE id = ?");
    meta.bind(1, capture_id);
    if (!meta.step()) throw Error(db.path() + ": capture " + std::to_string(capture_id) + " is missing");
    std::string expected = meta.column_text(0), name = meta.column_text(1);
    std::unique_ptr<ZSTD_DCtx, DctxFree> dctx(ZSTD_createDCtx());
    std::vector<char> out_buffer(ZSTD_DStreamOutSize());
    Sha256 hash;
    sql::Stmt chunks(db, "SELECT data FROM capture_chunk WHERE capture_id = ? ORDER BY seq");
    chunks.bind(1, capture_id);
    while (chunks.step()) {
        std::string data = chunks.column_blob(0);
        ZSTD_inBuffer input{data.data(), data.size(), 0};
        bool output_full = false;
        while (input.pos < input.size || output_full) {
            ZSTD_outBuffer output{out_buffer.data(), out_buffer.size(), 0};
            std::size_t rc = ZSTD_decompressStream(dctx.get(), &output, &input);
            if (ZSTD_isError(rc))
                throw Error(db.path() + ": capture " + name + " is damaged: " + ZSTD_getErrorName(rc));
            std::string_view piece(out_buffer.data(), output.pos);
            hash.update(piece);
            consumer(piece);
            output_full = output.pos == output.size;
        }
    }
    if (hash.hex_digest() != expected)
        throw Error(db.path() + ": capture " + name + " is damaged: SHA-256 does not match");
}

}  // namespace jb
