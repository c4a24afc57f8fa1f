#pragma once
#include <fstream>
#include <string>

namespace jb {

// An output file written under a temporary name beside the target and renamed into place by
// commit() after a flush and fsync; dropped without commit, it leaves nothing behind.
class AtomicFile {
public:
    explicit AtomicFile(std::string path);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    std::ostream& stream() { return out_; }
    void commit();

private:
    std::string path_;
    std::string temp_path_;
    std::ofstream out_;
    bool committed_ = false;
};

}  // namespace jb
