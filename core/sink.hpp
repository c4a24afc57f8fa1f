#pragma once
#include "core/entities.hpp"

namespace jb {

// Where readers push entities, one record at a time (libosmium-style handler). A row holds the
// spec's columns in order; column 0 is the deterministic id.
class Sink {
public:
    virtual ~Sink() = default;
    virtual void put(const TableSpec& spec, const Row& row) = 0;
};

}  // namespace jb
