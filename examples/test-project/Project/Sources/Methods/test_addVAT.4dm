//%attributes = {}
ASSERT(addVAT(100; 0.2)=120; "100 + 20% VAT")
ASSERT(addVAT(9.99; 0.055)=10.54; "rounded to cents")
ASSERT(addVAT(0; 0.2)=0)
