import MultiPrecision
print(ArbitraryPrecisionLibrary.mpfrVersion, BigFloat.pi(precision: 200))
