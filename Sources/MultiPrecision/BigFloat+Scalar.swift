extension BigFloat: Scalar {}
