#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jb {

// Texts a reader must keep until it writes them, held in an unnamed temporary file rather than in
// memory: what stays in memory per text is its place in the file, so a larger school needs more
// disk, not more memory. The file is unlinked as soon as it is created, so nothing is left behind
// even when the process is killed.
class SpilledTexts {
public:
    struct Ref {
        std::uint64_t offset = 0;
        std::uint32_t size = 0;
        bool empty() const { return size == 0; }
    };

    SpilledTexts();
    ~SpilledTexts();
    SpilledTexts(const SpilledTexts&) = delete;
    SpilledTexts& operator=(const SpilledTexts&) = delete;

    Ref keep(std::string_view text);
    std::string read(Ref ref) const;
    std::uint64_t bytes() const { return end_; }

private:
    void flush() const;

    int fd_ = -1;
    std::uint64_t end_ = 0;                 // bytes kept so far, written or still buffered
    mutable std::vector<char> buffer_;      // not yet written; starts at flushed_
    mutable std::uint64_t flushed_ = 0;
};

}  // namespace jb
