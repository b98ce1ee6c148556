ASSERT(double(21)=42)
